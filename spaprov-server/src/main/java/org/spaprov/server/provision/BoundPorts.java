package org.spaprov.server.provision;

/** The ports the transports actually bound (-1 = not listening); used in generated URLs. */
public record BoundPorts(int tftp, int http, int https) {
    public static final BoundPorts NONE = new BoundPorts(-1, -1, -1);
}
