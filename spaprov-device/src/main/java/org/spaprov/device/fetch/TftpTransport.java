package org.spaprov.device.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * TFTP read (RFC 1350) with the blksize and tsize options (RFC 2347–2349), octet mode,
 * retransmission of the last packet on timeout. Error code 1 maps to {@code file not found}.
 *
 * <pre>
 * RRQ  | 01 | file | 0 | "octet" | 0 | "blksize" | 0 | n | 0 | "tsize" | 0 | "0" | 0 |
 * OACK | 06 | opt | 0 | value | 0 | ...     DATA | 03 | block | data |   ACK | 04 | block |
 * ERROR| 05 | code | message | 0 |
 * </pre>
 */
public final class TftpTransport implements Transport {
    private final FetchSettings settings;

    public TftpTransport(FetchSettings settings) {
        this.settings = settings;
    }

    @Override
    public FetchResult fetch(FetchRequest r) {
        FetchResult last = new FetchResult.Failed(FetchError.TIMEOUT, "no address");
        for (InetAddress addr : r.addresses()) {
            last = fetchFrom(new InetSocketAddress(addr, r.port()), r);
            if (!(last instanceof FetchResult.Failed f) || f.error() != FetchError.TIMEOUT) {
                return last;
            }
        }
        return last;
    }

    private FetchResult fetchFrom(InetSocketAddress server, FetchRequest r) {
        String file = r.path().startsWith("/") ? r.path().substring(1) : r.path();
        int blksize = settings.tftpBlockSize();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(0))) {
            s.setSoTimeout((int) settings.tftpTimeout().toMillis());
            byte[] rrq = rrq(file, blksize);
            DatagramPacket lastSent = new DatagramPacket(rrq, rrq.length, server);
            s.send(lastSent);
            InetSocketAddress peer = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int expected = 1;
            int size = 512;
            int tries = 0;
            byte[] buf = new byte[65536];
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    if (++tries > settings.tftpRetries()) {
                        return new FetchResult.Failed(FetchError.TIMEOUT, "no answer from " + server);
                    }
                    s.send(lastSent);
                    continue;
                }
                InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
                if (!from.getAddress().equals(server.getAddress()) || (peer != null && !from.equals(peer))) {
                    continue; // not our transfer (RFC 1350 §4: wrong TID)
                }
                ByteBuffer b = ByteBuffer.wrap(buf, 0, p.getLength());
                if (b.remaining() < 2) {
                    continue;
                }
                int op = b.getShort() & 0xffff;
                if (op == 5) {
                    int code = b.remaining() >= 2 ? b.getShort() & 0xffff : 0;
                    String msg = cstring(b);
                    return code == 1 ? new FetchResult.Failed(FetchError.FILE_NOT_FOUND, "TFTP error 1: " + msg)
                            : new FetchResult.Failed(FetchError.TFTP_GET_FAILED, "TFTP error " + code + ": " + msg);
                }
                peer = from;
                if (op == 6 && expected == 1) {
                    size = oackBlockSize(b, blksize);
                    if (size < 0) {
                        return new FetchResult.Failed(FetchError.TFTP_GET_FAILED, "bad OACK");
                    }
                    lastSent = ack(0, peer);
                    s.send(lastSent);
                    tries = 0;
                } else if (op == 3 && b.remaining() >= 2) {
                    int block = b.getShort() & 0xffff;
                    if (block == (expected & 0xffff)) {
                        if (out.size() + (long) b.remaining() > r.maxBytes()) {
                            s.send(error(3, "too large", peer));
                            return new FetchResult.Failed(FetchError.TFTP_GET_FAILED, "file larger than " + r.maxBytes());
                        }
                        int n = b.remaining();
                        out.write(buf, b.position(), n);
                        lastSent = ack(block, peer);
                        s.send(lastSent);
                        tries = 0;
                        expected++;
                        if (n < size) {
                            return new FetchResult.Ok(out.toByteArray(), server.getAddress());
                        }
                    } else if (block == ((expected - 1) & 0xffff)) {
                        s.send(lastSent); // our ACK was lost; say it again
                    }
                }
            }
        } catch (IOException e) {
            return new FetchResult.Failed(FetchError.TFTP_GET_FAILED, e.getClass().getSimpleName());
        }
    }

    private static byte[] rrq(String file, int blksize) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0);
        o.write(1);
        for (String s : new String[] {file, "octet", "blksize", Integer.toString(blksize), "tsize", "0"}) {
            o.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            o.write(0);
        }
        return o.toByteArray();
    }

    private static int oackBlockSize(ByteBuffer b, int asked) {
        int size = 512;
        while (b.hasRemaining()) {
            String k = cstring(b);
            String v = cstring(b);
            if (k.equalsIgnoreCase("blksize")) {
                try {
                    size = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    return -1;
                }
                if (size < 8 || size > asked) {
                    return -1;
                }
            }
        }
        return size;
    }

    private static String cstring(ByteBuffer b) {
        int start = b.position();
        while (b.hasRemaining()) {
            if (b.get() == 0) {
                return new String(b.array(), start, b.position() - 1 - start, StandardCharsets.US_ASCII);
            }
        }
        return new String(b.array(), start, b.position() - start, StandardCharsets.US_ASCII);
    }

    private static DatagramPacket ack(int block, InetSocketAddress to) {
        byte[] a = {0, 4, (byte) (block >> 8), (byte) block};
        return new DatagramPacket(a, a.length, to);
    }

    private static DatagramPacket error(int code, String msg, InetSocketAddress to) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0, 5, 0, (byte) code});
        o.writeBytes(msg.getBytes(StandardCharsets.US_ASCII));
        o.write(0);
        return new DatagramPacket(o.toByteArray(), o.size(), to);
    }
}
