package org.spaprov.device.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.spaprov.device.stun.StunMessage.BindingError;
import org.spaprov.device.stun.StunMessage.BindingRequest;
import org.spaprov.device.stun.StunMessage.BindingSuccess;
import org.spaprov.device.stun.StunMessage.TransactionId;

/**
 * RFC 5389 wire format for {@link StunMessage}: a 20-byte header (type, length, magic cookie,
 * transaction id) and TLV attributes padded to 4 bytes. Pure and stateless.
 *
 * <p>{@link #decode} is for bytes from the network: it never throws, reads at most
 * {@value #MAX_MESSAGE} bytes and {@value #MAX_ATTRIBUTES} attributes, and answers empty for anything
 * that is not a well-formed Binding message (bad cookie, length not matching, truncated attribute,
 * unknown class). Unknown comprehension-optional attributes are skipped; FINGERPRINT and
 * MESSAGE-INTEGRITY are not checked (the device uses neither).
 */
public final class StunCodec {
    /** RFC 5389 §6. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** Largest message decoded: a UDP datagram on an Ethernet path (RFC 5389 §7.1 recommends ≤ 548 without path MTU). */
    public static final int MAX_MESSAGE = 1500;
    /** Attributes read at most per message. */
    public static final int MAX_ATTRIBUTES = 32;

    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int BINDING_ERROR = 0x0111;
    static final int MAPPED_ADDRESS = 0x0001;
    static final int ERROR_CODE = 0x0009;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    private static final int HEADER = 20;

    private StunCodec() {
    }

    /** The bytes of a message, ready for one UDP datagram. */
    public static byte[] encode(StunMessage m) {
        ByteBuffer attrs = ByteBuffer.allocate(64);
        int type = switch (m) {
            case BindingRequest r -> BINDING_REQUEST;
            case BindingSuccess s -> {
                s.mapped().ifPresent(a -> xorAddress(attrs, a, s.id()));
                yield BINDING_SUCCESS;
            }
            case BindingError e -> {
                byte[] reason = e.reason().getBytes(StandardCharsets.UTF_8);
                int len = 4 + Math.min(reason.length, 32);
                attrs.putShort((short) ERROR_CODE).putShort((short) len).putShort((short) 0)
                        .put((byte) (e.code() / 100)).put((byte) (e.code() % 100)).put(reason, 0, len - 4);
                pad(attrs, len);
                yield BINDING_ERROR;
            }
        };
        attrs.flip();
        ByteBuffer b = ByteBuffer.allocate(HEADER + attrs.remaining());
        b.putShort((short) type).putShort((short) attrs.remaining()).putInt(MAGIC_COOKIE)
                .putLong(m.id().high()).putInt(m.id().low()).put(attrs);
        return b.array();
    }

    /** The message in {@code data[0..length)}, or empty when it is not a well-formed Binding message. */
    public static Optional<StunMessage> decode(byte[] data, int length) {
        if (data == null || length < HEADER || length > MAX_MESSAGE || length > data.length) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        int type = b.getShort() & 0xffff;
        int bodyLength = b.getShort() & 0xffff;
        if ((type & 0xc000) != 0 || b.getInt() != MAGIC_COOKIE || bodyLength != length - HEADER || bodyLength % 4 != 0) {
            return Optional.empty();
        }
        TransactionId id = new TransactionId(b.getLong(), b.getInt());
        Optional<InetSocketAddress> xor = Optional.empty();
        Optional<InetSocketAddress> plain = Optional.empty();
        int code = 0;
        String reason = "";
        for (int n = 0; b.hasRemaining(); n++) {
            if (n == MAX_ATTRIBUTES || b.remaining() < 4) {
                return Optional.empty();
            }
            int at = b.getShort() & 0xffff;
            int len = b.getShort() & 0xffff;
            int padded = (len + 3) & ~3;
            if (padded > b.remaining()) {
                return Optional.empty();
            }
            ByteBuffer v = b.slice(b.position(), len);
            b.position(b.position() + padded);
            switch (at) {
                case XOR_MAPPED_ADDRESS -> xor = address(v, id, true);
                case MAPPED_ADDRESS -> plain = address(v, id, false);
                case ERROR_CODE -> {
                    if (len < 4) {
                        return Optional.empty();
                    }
                    v.getShort();
                    code = (v.get() & 0x07) * 100 + (v.get() & 0xff);
                    byte[] r = new byte[v.remaining()];
                    v.get(r);
                    reason = printable(new String(r, StandardCharsets.UTF_8));
                }
                default -> { } // comprehension-optional or not ours: skipped
            }
        }
        return switch (type) {
            case BINDING_REQUEST -> Optional.of(new BindingRequest(id));
            case BINDING_SUCCESS -> Optional.of(new BindingSuccess(id, xor.isPresent() ? xor : plain));
            case BINDING_ERROR -> Optional.of(new BindingError(id, code, reason));
            default -> Optional.empty();
        };
    }

    /** XOR-MAPPED-ADDRESS or MAPPED-ADDRESS (RFC 5389 §15.1, §15.2); empty when malformed. */
    private static Optional<InetSocketAddress> address(ByteBuffer v, TransactionId id, boolean xored) {
        if (v.remaining() < 4) {
            return Optional.empty();
        }
        v.get();
        int family = v.get() & 0xff;
        int port = v.getShort() & 0xffff;
        int size = family == 1 ? 4 : family == 2 ? 16 : -1;
        if (size < 0 || v.remaining() != size) {
            return Optional.empty();
        }
        byte[] ip = new byte[size];
        v.get(ip);
        if (xored) {
            port ^= MAGIC_COOKIE >>> 16;
            xor(ip, id);
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), port));
        } catch (UnknownHostException e) {
            return Optional.empty(); // cannot happen for 4 or 16 bytes
        }
    }

    private static void xorAddress(ByteBuffer out, InetSocketAddress a, TransactionId id) {
        byte[] ip = a.getAddress().getAddress();
        xor(ip, id);
        out.putShort((short) XOR_MAPPED_ADDRESS).putShort((short) (4 + ip.length)).put((byte) 0)
                .put((byte) (ip.length == 4 ? 1 : 2)).putShort((short) (a.getPort() ^ (MAGIC_COOKIE >>> 16))).put(ip);
    }

    /** XORs an address with the cookie, and for IPv6 also with the transaction id. */
    private static void xor(byte[] ip, TransactionId id) {
        byte[] key = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).putLong(id.high()).putInt(id.low()).array();
        for (int i = 0; i < ip.length; i++) {
            ip[i] ^= key[i];
        }
    }

    private static void pad(ByteBuffer b, int len) {
        for (int i = len; i % 4 != 0; i++) {
            b.put((byte) 0);
        }
    }

    /** The reason phrase as shown in logs: printable ASCII only, at most 64 characters. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && out.length() < 64; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
