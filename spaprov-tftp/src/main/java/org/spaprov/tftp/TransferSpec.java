package org.spaprov.tftp;

import java.net.InetSocketAddress;
import java.time.Instant;

/** An admitted request, handed from the listen socket to its transfer (package-private). */
record TransferSpec(InetSocketAddress client, TftpTransferEvent.Direction direction, String filename, String path,
                    TftpMode mode, Negotiation negotiation, Instant started) {
}
