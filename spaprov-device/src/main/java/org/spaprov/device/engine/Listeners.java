package org.spaprov.device.engine;

import org.spaprov.device.DeviceEvents;

/**
 * Who hears about a device's provisioning: {@code events} for what happened (the guide's log
 * messages), {@code observer} for drivers waiting on completions. Both must not block or throw.
 */
public record Listeners(DeviceEvents events, EngineObserver observer) {
    public static final Listeners NONE = new Listeners(DeviceEvents.NONE, EngineObserver.NONE);

    public Listeners {
        events = events == null ? DeviceEvents.NONE : events;
        observer = observer == null ? EngineObserver.NONE : observer;
    }
}
