package org.spaprov.device.engine;

/** Where a device's provisioning state machine is (SPEC §7.6). */
public enum EngineState {
    /** Not powered on yet. */
    OFF,
    /** Powered on, waiting out Resync_Random_Delay before the power-up resync. */
    BOOT_DELAY,
    /** Nothing due; timers armed. */
    IDLE,
    /** A resync is due but a line is busy (Forced_Resync_Delay, SPEC §15.9). */
    RESYNC_DUE,
    /** Evaluating Profile_Rule.._D and fetching. */
    RESYNCING,
    /** Fetching and checking a firmware image. */
    UPGRADING,
    /** A reboot is due and waits for idle lines. */
    REBOOT_DUE
}
