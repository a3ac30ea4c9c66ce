package org.spaprov.device.sip;

/** The device's JAIN-SIP stack log on SLF4J logger {@code org.spaprov.device.sip.jain} (instantiated by the stack). */
public final class SlfStackLogger extends org.spaprov.sip.SlfStackLogger {
    public SlfStackLogger() {
        super("org.spaprov.device.sip.jain");
    }
}
