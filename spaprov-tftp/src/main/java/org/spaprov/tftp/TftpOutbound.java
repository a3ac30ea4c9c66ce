package org.spaprov.tftp;

import java.net.InetSocketAddress;

/** A packet to send to {@code recipient}, encoded by {@link TftpDatagramCodec}. */
public record TftpOutbound(TftpPacket packet, InetSocketAddress recipient) {
}
