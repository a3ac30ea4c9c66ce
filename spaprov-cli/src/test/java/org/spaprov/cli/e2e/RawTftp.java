package org.spaprov.cli.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bare TFTP client (RFC 1350, octet mode, no options) that returns what the server said as text:
 * the whole file of a read, or the server's ERROR packet ({@code ERROR code: message}), so every
 * answer can be searched. For hostile and anonymous requests in tests; one request per call.
 */
final class RawTftp {
    private static final int OP_RRQ = 1;
    private static final int OP_WRQ = 2;
    private static final int OP_DATA = 3;
    private static final int OP_ACK = 4;
    private static final int OP_ERROR = 5;

    private RawTftp() {
    }

    /** Reads {@code name}: "DATA " and the file (ISO-8859-1), or the ERROR packet. */
    static String read(int port, String name) throws IOException {
        try (DatagramSocket s = socket()) {
            send(s, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), request(OP_RRQ, name));
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int block = 1; ; block++) {
                DatagramPacket p = receive(s);
                ByteBuffer b = ByteBuffer.wrap(p.getData(), 0, p.getLength());
                int op = b.getShort() & 0xffff;
                if (op != OP_DATA) {
                    return describe(op, b);
                }
                int n = b.getShort() & 0xffff;
                file.write(p.getData(), 4, p.getLength() - 4);
                send(s, p.getSocketAddress(), ByteBuffer.allocate(4).putShort((short) OP_ACK).putShort((short) n).array());
                if (p.getLength() - 4 < 512) {
                    return "DATA " + file.toString(StandardCharsets.ISO_8859_1);
                }
            }
        }
    }

    /** Writes {@code body} (under 512 bytes) as {@code name}: "ACK 1" when stored, else the ERROR packet. */
    static String write(int port, String name, byte[] body) throws IOException {
        if (body.length >= 512) {
            throw new IllegalArgumentException("one block only");
        }
        try (DatagramSocket s = socket()) {
            send(s, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), request(OP_WRQ, name));
            DatagramPacket p = receive(s);
            ByteBuffer b = ByteBuffer.wrap(p.getData(), 0, p.getLength());
            int op = b.getShort() & 0xffff;
            if (op != OP_ACK) {
                return describe(op, b);
            }
            send(s, p.getSocketAddress(), ByteBuffer.allocate(4 + body.length).putShort((short) OP_DATA)
                    .putShort((short) 1).put(body).array());
            DatagramPacket last = receive(s);
            ByteBuffer lb = ByteBuffer.wrap(last.getData(), 0, last.getLength());
            return describe(lb.getShort() & 0xffff, lb);
        }
    }

    private static DatagramSocket socket() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        s.setSoTimeout(15_000);
        return s;
    }

    private static byte[] request(int op, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.write(op);
        b.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
        b.writeBytes("octet".getBytes(StandardCharsets.US_ASCII));
        b.write(0);
        return b.toByteArray();
    }

    private static void send(DatagramSocket s, SocketAddress to, byte[] bytes) throws IOException {
        s.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static DatagramPacket receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        s.receive(p);
        return p;
    }

    private static String describe(int op, ByteBuffer rest) {
        if (op == OP_ACK) {
            return "ACK " + (rest.getShort() & 0xffff);
        }
        if (op == OP_ERROR) {
            int code = rest.getShort() & 0xffff;
            String msg = new String(rest.array(), rest.position(), rest.remaining(), StandardCharsets.ISO_8859_1);
            return "ERROR " + code + ": " + msg.replace("\0", "");
        }
        return "opcode " + op;
    }
}
