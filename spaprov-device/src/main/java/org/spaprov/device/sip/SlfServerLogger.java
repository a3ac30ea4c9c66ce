package org.spaprov.device.sip;

/** The device's JAIN-SIP message log on SLF4J logger {@code org.spaprov.device.sip.messages} (instantiated by the stack). */
public final class SlfServerLogger extends org.spaprov.sip.SlfServerLogger {
    public SlfServerLogger() {
        super("org.spaprov.device.sip.messages");
    }
}
