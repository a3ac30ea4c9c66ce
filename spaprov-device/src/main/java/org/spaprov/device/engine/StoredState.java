package org.spaprov.device.engine;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.spaprov.device.state.DeviceModel;
import org.spaprov.device.state.ParamValues;
import org.spaprov.device.state.PersistentState;
import org.spaprov.device.state.StateStore;
import org.spaprov.profile.Access;

/**
 * A device's persistent state (its flash): any thread reads a whole snapshot; the device's
 * executor changes it, and every change is written to the {@link StateStore}. A failed write
 * leaves the device running on the in-memory state, as a device with a bad flash would.
 */
final class StoredState implements Supplier<PersistentState> {
    /** What {@link #apply} changed. */
    enum Change { NONE, ACCESS_ONLY, VALUES }

    private final DeviceModel model;
    private final StateStore store;
    private volatile PersistentState st;

    StoredState(DeviceModel model, StateStore store, PersistentState initial) {
        this.model = model;
        this.store = store;
        this.st = initial;
    }

    @Override
    public PersistentState get() {
        return st;
    }

    void save(PersistentState s) {
        try {
            store.save(model, s);
        } catch (IOException e) {
            // flash write failed: keep running on the in-memory state
        }
        st = s;
    }

    /** Applies values and access levels (by XML name) and saves when anything changed. */
    Change apply(Map<String, String> values, Map<String, Access> access) {
        if (values.isEmpty() && access.isEmpty()) {
            return Change.NONE;
        }
        ParamValues before = st.params();
        ParamValues after = before.with(model, values, access);
        if (after.equals(before)) {
            return Change.NONE;
        }
        save(st.withParams(after));
        return after.sameValues(before) ? Change.ACCESS_ONLY : Change.VALUES;
    }
}
