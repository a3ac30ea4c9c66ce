package org.spaprov.device.state;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a device keeps its {@link PersistentState}. {@link #save} is atomic: after a crash at any
 * moment, {@link #load} returns either the previous or the new state, never a mixture.
 */
public interface StateStore {
    /** A store that keeps nothing (a device that forgets on power cycle; fleets without a state dir). */
    StateStore NONE = new StateStore() {
        @Override
        public Optional<PersistentState> load(DeviceModel model) {
            return Optional.empty();
        }

        @Override
        public void save(DeviceModel model, PersistentState s) {
        }
    };

    /** The saved state, or empty when none was ever saved. */
    Optional<PersistentState> load(DeviceModel model) throws IOException;

    void save(DeviceModel model, PersistentState s) throws IOException;
}
