package org.spaprov.profile;

/** The real programs the profile tests talk to (openssl, gzip): required in CI, else a skip. */
public final class Peers {
    private Peers() {
    }

    /** Set to 1 by CI (.ci/run), which installs every peer: a missing or failing peer then fails the test. */
    public static final String REQUIRE_PEERS = "SPAPROV_REQUIRE_PEERS";

    /**
     * A real peer the test needs (a program, a daemon that must start): when {@code available} is false
     * the test fails if $SPAPROV_REQUIRE_PEERS is 1 (CI, so a broken peer is never a green skip), and is
     * skipped otherwise (a developer's machine without the program).
     */
    public static void requirePeer(boolean available, String what) {
        if (available) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_PEERS))) {
            org.junit.jupiter.api.Assertions.fail(what + " ($" + REQUIRE_PEERS + " is set, so peers are required)");
        }
        org.junit.jupiter.api.Assumptions.abort(what);
    }
}
