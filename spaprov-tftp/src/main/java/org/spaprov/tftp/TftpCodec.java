package org.spaprov.tftp;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns TFTP datagrams into {@link TftpPacket}s and back. Transport-free: it sees one datagram's
 * bytes, does no I/O and makes no policy decisions. Thread-safe (stateless).
 *
 * <h2>Wire format (RFC 1350 §5, RFC 2347 §2–3)</h2>
 * <pre>
 *  RRQ/WRQ  | 01/02 | filename | 0 | mode | 0 | opt1 | 0 | value1 | 0 | ... | optN | 0 | valueN | 0 |
 *  DATA     | 03 | block# (2) | 0..blksize bytes |
 *  ACK      | 04 | block# (2) |
 *  ERROR    | 05 | errcode (2) | message | 0 |
 *  OACK     | 06 | opt1 | 0 | value1 | 0 | ... |
 * </pre>
 * Opcodes, block numbers and error codes are unsigned 16-bit big-endian. Options are RFC 2348
 * {@code blksize} (8–65464), RFC 2349 {@code timeout} (1–255 s) and {@code tsize}; option names
 * are case-insensitive and decoded in lower case. Unknown options are kept (the server ignores
 * them, RFC 2347 §3).
 *
 * <h2>Limits</h2>
 * <table>
 *   <caption>Bounds enforced by {@link #decode}</caption>
 *   <tr><th>limit</th><th>value</th><th>when exceeded</th></tr>
 *   <tr><td>request (RRQ/WRQ) size</td><td>{@value #MAX_REQUEST_SIZE} bytes (RFC 2347 §2)</td><td>malformed, code 4</td></tr>
 *   <tr><td>file name</td><td>{@value #MAX_FILENAME_BYTES} bytes, UTF-8</td><td>malformed, code 4</td></tr>
 *   <tr><td>mode</td><td>{@code netascii} or {@code octet}</td><td>malformed, code 4</td></tr>
 *   <tr><td>options per packet</td><td>{@value #MAX_OPTIONS}, no duplicates</td><td>malformed, code 8</td></tr>
 *   <tr><td>option name / value</td><td>{@value #MAX_OPTION_NAME_BYTES} / {@value #MAX_OPTION_VALUE_BYTES} bytes</td><td>malformed, code 8</td></tr>
 *   <tr><td>DATA payload</td><td>{@value #MAX_BLOCK_SIZE} bytes (RFC 2348)</td><td>malformed, code 4</td></tr>
 *   <tr><td>ERROR message</td><td>{@value #MAX_ERROR_MESSAGE_BYTES} bytes</td><td>truncated</td></tr>
 * </table>
 * {@code decode} never throws on any input; {@code encode} throws {@link IllegalArgumentException}
 * only for packets the records themselves would reject.
 */
public final class TftpCodec {

    public static final int OP_RRQ = 1;
    public static final int OP_WRQ = 2;
    public static final int OP_DATA = 3;
    public static final int OP_ACK = 4;
    public static final int OP_ERROR = 5;
    public static final int OP_OACK = 6;

    /** Largest RRQ/WRQ datagram (RFC 2347 §2). */
    public static final int MAX_REQUEST_SIZE = 512;
    public static final int MAX_FILENAME_BYTES = 255;
    public static final int MAX_OPTIONS = 8;
    public static final int MAX_OPTION_NAME_BYTES = 32;
    public static final int MAX_OPTION_VALUE_BYTES = 32;
    /** RFC 1350 block size, used when no blksize option was agreed. */
    public static final int DEFAULT_BLOCK_SIZE = 512;
    /** RFC 2348 bounds of the blksize option. */
    public static final int MIN_BLOCK_SIZE = 8;
    public static final int MAX_BLOCK_SIZE = 65464;
    public static final int MAX_ERROR_MESSAGE_BYTES = 255;
    private static final int MAX_MODE_BYTES = 16;

    private TftpCodec() {
    }

    /**
     * Decodes the readable bytes of {@code in} (one datagram). Does not move the reader index and
     * does not release the buffer. Never throws.
     */
    public static TftpDecodeResult decode(ByteBuf in) {
        try {
            return decode0(in, in.readerIndex(), in.writerIndex());
        } catch (RuntimeException e) {
            // Safety net: every bound is checked above, but no input may ever escape as an exception.
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "malformed packet");
        }
    }

    /** Decodes the bytes {@code buf[offset, offset+length)}; never throws. */
    public static TftpDecodeResult decode(byte[] buf, int offset, int length) {
        return decode(io.netty.buffer.Unpooled.wrappedBuffer(buf, offset, length));
    }

    private static TftpDecodeResult decode0(ByteBuf in, int start, int end) {
        if (end - start < 2) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "packet shorter than 2 bytes");
        }
        int opcode = in.getUnsignedShort(start);
        int pos = start + 2;
        return switch (opcode) {
            case OP_RRQ, OP_WRQ -> decodeRequest(in, opcode, pos, end, end - start);
            case OP_DATA -> {
                if (end - pos < 2) {
                    yield malformed(TftpErrorCode.ILLEGAL_OPERATION, "DATA without block number");
                }
                int length = end - pos - 2;
                if (length > MAX_BLOCK_SIZE) {
                    yield malformed(TftpErrorCode.ILLEGAL_OPERATION, "DATA larger than " + MAX_BLOCK_SIZE + " bytes");
                }
                byte[] payload = new byte[length];
                in.getBytes(pos + 2, payload);
                yield ok(new Data(in.getUnsignedShort(pos), payload));
            }
            case OP_ACK -> end - pos < 2
                    ? malformed(TftpErrorCode.ILLEGAL_OPERATION, "ACK without block number")
                    // Trailing bytes after the block number are tolerated: some embedded stacks pad.
                    : ok(new Ack(in.getUnsignedShort(pos)));
            case OP_ERROR -> decodeError(in, pos, end);
            case OP_OACK -> {
                Object options = decodeOptions(in, pos, end);
                yield options instanceof TftpDecodeResult.Malformed m ? m : ok(new OptionAck(cast(options)));
            }
            default -> malformed(TftpErrorCode.ILLEGAL_OPERATION, "unknown opcode " + opcode);
        };
    }

    private static TftpDecodeResult decodeRequest(ByteBuf in, int opcode, int pos, int end, int size) {
        if (size > MAX_REQUEST_SIZE) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "request larger than " + MAX_REQUEST_SIZE + " bytes");
        }
        int nul = in.indexOf(pos, end, (byte) 0);
        if (nul < 0) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "file name not terminated");
        }
        if (nul == pos) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "empty file name");
        }
        if (nul - pos > MAX_FILENAME_BYTES) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "file name longer than " + MAX_FILENAME_BYTES + " bytes");
        }
        String filename = utf8(in, pos, nul);
        if (filename == null) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "file name is not valid UTF-8");
        }
        pos = nul + 1;
        nul = in.indexOf(pos, end, (byte) 0);
        if (nul < 0) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "mode missing");
        }
        String modeText = nul - pos > MAX_MODE_BYTES ? "?" : ascii(in, pos, nul);
        TftpMode mode = TftpMode.parse(modeText);
        if (mode == null) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "unsupported mode " + printable(modeText));
        }
        Object options = decodeOptions(in, nul + 1, end);
        if (options instanceof TftpDecodeResult.Malformed m) {
            return m;
        }
        Map<String, String> map = cast(options);
        return ok(opcode == OP_RRQ ? new ReadRequest(filename, mode, map) : new WriteRequest(filename, mode, map));
    }

    /** Returns the option map, or a {@link TftpDecodeResult.Malformed}. */
    private static Object decodeOptions(ByteBuf in, int pos, int end) {
        Map<String, String> options = new LinkedHashMap<>();
        while (pos < end) {
            int nul = in.indexOf(pos, end, (byte) 0);
            if (nul < 0) {
                return malformed(TftpErrorCode.OPTION_REFUSED, "option not terminated");
            }
            if (nul == pos) {
                // Tolerate NUL padding at the end, refuse an empty name in the middle.
                if (in.forEachByte(pos, end - pos, b -> b == 0) < 0) {
                    break;
                }
                return malformed(TftpErrorCode.OPTION_REFUSED, "empty option name");
            }
            if (nul - pos > MAX_OPTION_NAME_BYTES) {
                return malformed(TftpErrorCode.OPTION_REFUSED, "option name longer than " + MAX_OPTION_NAME_BYTES + " bytes");
            }
            String name = ascii(in, pos, nul).toLowerCase(Locale.ROOT);
            pos = nul + 1;
            nul = in.indexOf(pos, end, (byte) 0);
            if (nul < 0) {
                return malformed(TftpErrorCode.OPTION_REFUSED, "option " + printable(name) + " has no value");
            }
            if (nul - pos > MAX_OPTION_VALUE_BYTES) {
                return malformed(TftpErrorCode.OPTION_REFUSED, "value of option " + printable(name) + " longer than "
                        + MAX_OPTION_VALUE_BYTES + " bytes");
            }
            if (options.size() >= MAX_OPTIONS) {
                return malformed(TftpErrorCode.OPTION_REFUSED, "more than " + MAX_OPTIONS + " options");
            }
            if (options.putIfAbsent(name, ascii(in, pos, nul)) != null) {
                return malformed(TftpErrorCode.OPTION_REFUSED, "duplicate option " + printable(name));
            }
            pos = nul + 1;
        }
        return options;
    }

    private static TftpDecodeResult decodeError(ByteBuf in, int pos, int end) {
        if (end - pos < 2) {
            return malformed(TftpErrorCode.ILLEGAL_OPERATION, "ERROR without error code");
        }
        int code = in.getUnsignedShort(pos);
        pos += 2;
        int nul = in.indexOf(pos, end, (byte) 0);
        int stop = Math.min(nul < 0 ? end : nul, pos + MAX_ERROR_MESSAGE_BYTES);
        String message = in.toString(pos, stop - pos, StandardCharsets.UTF_8);
        return ok(new ErrorPacket(TftpErrorCode.valueOf(code), message));
    }

    /**
     * Appends the wire form of {@code packet} to {@code out} (which grows as needed).
     *
     * @throws IllegalArgumentException if a string does not fit its limit
     */
    public static void encode(TftpPacket packet, ByteBuf out) {
        out.writeShort(packet.opcode());
        switch (packet) {
            case ReadRequest r -> writeRequest(out, r.filename(), r.mode(), r.options());
            case WriteRequest w -> writeRequest(out, w.filename(), w.mode(), w.options());
            case Data d -> out.writeShort(d.block()).writeBytes(d.payload());
            case Ack a -> out.writeShort(a.block());
            case ErrorPacket e -> {
                out.writeShort(e.code().code());
                byte[] message = e.message().getBytes(StandardCharsets.UTF_8);
                out.writeBytes(message, 0, Math.min(message.length, MAX_ERROR_MESSAGE_BYTES)).writeByte(0);
            }
            case OptionAck o -> writeOptions(out, o.options());
        }
    }

    /** An upper bound of the encoded size, to size buffers. */
    public static int sizeHint(TftpPacket packet) {
        return packet instanceof Data d ? 4 + d.payload().length : 128;
    }

    private static void writeRequest(ByteBuf out, String filename, TftpMode mode, Map<String, String> options) {
        out.writeBytes(filename.getBytes(StandardCharsets.UTF_8)).writeByte(0);
        out.writeCharSequence(mode.wire(), StandardCharsets.US_ASCII);
        out.writeByte(0);
        writeOptions(out, options);
    }

    private static void writeOptions(ByteBuf out, Map<String, String> options) {
        options.forEach((name, value) -> {
            out.writeCharSequence(name, StandardCharsets.US_ASCII);
            out.writeByte(0);
            out.writeCharSequence(value, StandardCharsets.US_ASCII);
            out.writeByte(0);
        });
    }

    private static String utf8(ByteBuf in, int from, int to) {
        ByteBuffer bytes = in.nioBuffer(from, to - from);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String ascii(ByteBuf in, int from, int to) {
        return in.toString(from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Quotes peer text for messages: printable ASCII only, bounded. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.append(text.length() > 40 ? "...'" : "'").toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cast(Object options) {
        return (Map<String, String>) options;
    }

    private static TftpDecodeResult ok(TftpPacket packet) {
        return new TftpDecodeResult.Decoded(packet);
    }

    private static TftpDecodeResult.Malformed malformed(TftpErrorCode code, String reason) {
        return new TftpDecodeResult.Malformed(code, reason);
    }
}
