package org.spaprov.device.net;

/**
 * The device's network identity as its $-variables show it (SPEC §4.3): {@code $EXTIP} and
 * {@code $REGTMR1}/{@code $REGTMR2}. The engine reads it whenever it expands variables; the
 * implementations ({@code DeviceNetwork}) keep it current with STUN and SIP registration.
 * Implementations are thread-safe and answer at once (no I/O in these calls).
 */
public interface NetworkState {
    /** No network emulation: {@code $EXTIP} empty, {@code $REGTMR} 0 (registration not modelled). */
    NetworkState NONE = new NetworkState() {
        @Override
        public String extIp() {
            return "";
        }

        @Override
        public long regTimer(int line) {
            return 0;
        }
    };

    /**
     * Only what is configured: {@code $EXTIP} is {@code EXT_IP}, {@code $REGTMR} 0 (registration not
     * modelled). What a device built without network emulation shows.
     *
     * @param param the device's current parameter values by XML name
     */
    static NetworkState configured(java.util.function.UnaryOperator<String> param) {
        return new NetworkState() {
            @Override
            public String extIp() {
                return param.apply("EXT_IP").strip();
            }

            @Override
            public long regTimer(int line) {
                return 0;
            }
        };
    }

    /** {@code $EXTIP}: the external IP address, or "" when unknown. */
    String extIp();

    /** {@code $REGTMR<line>}: 0 while the line is registered, else seconds since it lost registration. */
    long regTimer(int line);
}
