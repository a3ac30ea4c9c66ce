package org.spaprov.server.provision;

/** The transport a provisioning request arrived on; {@code $SCHEME} in lower case is {@link #scheme()}. */
public enum Protocol {
    TFTP, HTTP, HTTPS;

    /** {@code tftp}, {@code http} or {@code https}. */
    public String scheme() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
