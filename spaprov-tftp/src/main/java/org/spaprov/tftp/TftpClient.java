package org.spaprov.tftp;

import java.net.InetSocketAddress;

/**
 * A blocking TFTP client (RFC 1350, options of RFC 2347/2348/2349), octet mode.
 *
 * <p>Each call uses one plain {@link java.net.DatagramSocket} on an ephemeral port and no
 * threads of its own, so thousands of calls can run at once on virtual threads. The first answer
 * from the server's address fixes the server's transfer ID (port); datagrams from any other port
 * get ERROR 5 and are otherwise ignored. When the server ignores the options (answers DATA or
 * ACK 0 instead of OACK) the transfer continues with 512-byte blocks; when it refuses them with
 * ERROR 8 the request is sent once more without options (RFC 2347 §4). Block numbers wrap from
 * 65535 to 0, so file size is limited only by {@link TftpClientOptions#maxSize()}.
 *
 * <p>Retransmission timing uses the real clock ({@link System#nanoTime()}): datagram sockets time
 * out in real time, so a virtual clock cannot drive them. Thread-safe and stateless.
 */
public final class TftpClient {

    public TftpClient() {
    }

    /**
     * Reads {@code path} from {@code server}.
     *
     * @return the file's bytes
     * @throws TftpException with {@link TftpException.Kind#FILE_NOT_FOUND} for ERROR 1,
     *     {@code ACCESS_VIOLATION} for ERROR 2, {@code ERROR_PACKET} for other codes, {@code TIMEOUT},
     *     {@code TOO_LARGE} (beyond {@code maxSize}), {@code PROTOCOL} or {@code IO}
     */
    public byte[] get(InetSocketAddress server, String path, TftpClientOptions options) throws TftpException {
        try (ClientTransfer transfer = ClientTransfer.open(server, path, options)) {
            return transfer.get();
        }
    }

    /**
     * Writes {@code content} to {@code path} on {@code server} (WRQ).
     *
     * @throws TftpException as for {@link #get}, except {@code TOO_LARGE}
     */
    public void put(InetSocketAddress server, String path, byte[] content, TftpClientOptions options)
            throws TftpException {
        try (ClientTransfer transfer = ClientTransfer.open(server, path, options)) {
            transfer.put(content);
        }
    }
}
