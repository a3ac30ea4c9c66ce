package org.spaprov.device.engine;

/**
 * Completion signals for drivers (the CLI, fleets, tests), on top of {@code DeviceEvents}: one
 * call per finished resync sequence (after the upgrade and reboot it led to) and per finished
 * upgrade attempt. Must not block or throw.
 */
public interface EngineObserver {
    EngineObserver NONE = new EngineObserver() { };

    /** A boot finished; {@code resyncPlanned} when a resync follows by itself (Resync_On_Reset, after an upgrade). */
    default void booted(boolean resyncPlanned) { }

    /** A resync sequence ended; {@code ok} false with {@code err} the $ERR. */
    default void resyncDone(boolean ok, String err) { }

    /** Upgrade_Rule was evaluated and chose nothing to fetch (disabled, skipped, or the URL already done). */
    default void noUpgrade() { }

    /** An upgrade attempt ended; {@code ok} false with {@code err} the $ERR, true with the new version. */
    default void upgradeDone(boolean ok, String err) { }
}
