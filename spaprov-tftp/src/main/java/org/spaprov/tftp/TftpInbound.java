package org.spaprov.tftp;

import java.net.InetSocketAddress;

/** A received datagram as decoded by {@link TftpDatagramCodec}: the result and both addresses. */
public record TftpInbound(TftpDecodeResult result, InetSocketAddress sender, InetSocketAddress recipient) {
}
