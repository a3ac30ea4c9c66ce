package org.spaprov.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One client transfer over its own socket; used by {@link TftpClient} (package-private, one thread). */
final class ClientTransfer implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String path;
    private final TftpClientOptions options;
    private final long deadline;
    private final ByteBuf out = Unpooled.buffer(600);
    private byte[] receiveBuffer;

    /** The server's transfer ID once its first answer arrived, else null. */
    private InetSocketAddress peer;
    private TftpPacket lastSent;
    private int retries;
    private long waitNanos;
    // Per-attempt state (fields, not locals, so that switch guards may read them).
    private int blockSize;
    private boolean started;
    private long sent;
    private boolean finalSent;

    private ClientTransfer(DatagramSocket socket, InetSocketAddress server, String path, TftpClientOptions options) {
        this.socket = socket;
        this.server = server;
        this.path = path;
        this.options = options;
        this.deadline = System.nanoTime() + options.overallTimeout().toNanos();
    }

    static ClientTransfer open(InetSocketAddress server, String path, TftpClientOptions options) throws TftpException {
        if (server.isUnresolved()) {
            throw new TftpException(TftpException.Kind.IO, "tftp://" + server.getHostString() + "/" + path
                    + ": unresolved server address");
        }
        try {
            return new ClientTransfer(new DatagramSocket(), server, path, options);
        } catch (SocketException e) {
            throw new TftpException(TftpException.Kind.IO, null, "cannot open a UDP socket: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- read

    byte[] get() throws TftpException {
        receiveBuffer = new byte[Math.max(TftpCodec.DEFAULT_BLOCK_SIZE, options.blockSize()) + 5];
        byte[] result = tryGet(requestOptions(0));
        // null: the server refused our options with ERROR 8; RFC 2347 lets us ask again without.
        return result != null ? result : tryGet(Map.of());
    }

    private byte[] tryGet(Map<String, String> requested) throws TftpException {
        start(new ReadRequest(path, TftpMode.OCTET, requested));
        long expected = 1;
        ByteArrayOutputStream content = new ByteArrayOutputStream(4096);
        while (true) {
            TftpPacket packet = receive();
            switch (packet) {
                case OptionAck oack when !started -> {
                    long tsize = acceptOack(oack, requested);
                    blockSize = blockSizeOf(oack);
                    if (tsize > options.maxSize()) {
                        throw tooLarge(tsize);
                    }
                    if (tsize > 0) {
                        content = new ByteArrayOutputStream((int) Math.min(tsize, Integer.MAX_VALUE - 16));
                    }
                    started = true;
                    progress();
                    send(new Ack(0));
                }
                case Data data -> {
                    // DATA without OACK: the server ignored our options, so RFC 1350 sizes apply.
                    started = true;
                    if (data.block() == (int) (expected & 0xFFFF)) {
                        int length = data.payload().length;
                        if (length > blockSize) {
                            throw protocol(TftpErrorCode.ILLEGAL_OPERATION, "DATA block of " + length
                                    + " bytes exceeds the block size " + blockSize);
                        }
                        if (content.size() + (long) length > options.maxSize()) {
                            throw tooLarge(content.size() + (long) length);
                        }
                        content.write(data.payload(), 0, length);
                        progress();
                        send(new Ack(data.block()));
                        if (length < blockSize) {
                            return content.toByteArray();
                        }
                        expected++;
                    } else if (data.block() == (int) ((expected - 1) & 0xFFFF)) {
                        resend(); // our last ACK was lost
                    }
                }
                case OptionAck oack -> resend(); // duplicate OACK: our ACK 0 was lost
                case ErrorPacket error -> {
                    if (!started && !requested.isEmpty() && error.code().equals(TftpErrorCode.OPTION_REFUSED)) {
                        return null;
                    }
                    throw fromError(error);
                }
                default -> throw protocol(TftpErrorCode.ILLEGAL_OPERATION, "unexpected " + packet);
            }
        }
    }

    // ---------------------------------------------------------------- write

    void put(byte[] content) throws TftpException {
        receiveBuffer = new byte[1024];
        if (!tryPut(content, requestOptions(content.length))) {
            tryPut(content, Map.of());
        }
    }

    /** False when the server refused the options with ERROR 8. */
    private boolean tryPut(byte[] content, Map<String, String> requested) throws TftpException {
        start(new WriteRequest(path, TftpMode.OCTET, requested));
        while (true) {
            TftpPacket packet = receive();
            switch (packet) {
                case OptionAck oack when !started -> {
                    acceptOack(oack, requested);
                    blockSize = blockSizeOf(oack);
                    started = true;
                    finalSent = sendBlock(content, ++sent);
                }
                case Ack ack when !started && ack.block() == 0 -> {
                    started = true; // ACK 0 instead of OACK: options ignored
                    finalSent = sendBlock(content, ++sent);
                }
                case Ack ack when started && ack.block() == (int) (sent & 0xFFFF) -> {
                    if (finalSent) {
                        return true;
                    }
                    finalSent = sendBlock(content, ++sent);
                }
                case Ack ack -> {
                    // A duplicate ACK: answering it would start the Sorcerer's Apprentice (RFC 1123 §4.2.3.1).
                }
                case OptionAck oack -> {
                    // duplicate OACK; DATA 1 is already on its way or will be retransmitted
                }
                case ErrorPacket error -> {
                    if (!started && !requested.isEmpty() && error.code().equals(TftpErrorCode.OPTION_REFUSED)) {
                        return false;
                    }
                    throw fromError(error);
                }
                default -> throw protocol(TftpErrorCode.ILLEGAL_OPERATION, "unexpected " + packet);
            }
        }
    }

    /** Sends block {@code n} (1-based); true when it is the last one. */
    private boolean sendBlock(byte[] content, long n) throws TftpException {
        long offset = (n - 1) * blockSize;
        int length = (int) Math.min(blockSize, content.length - offset);
        progress();
        send(new Data((int) (n & 0xFFFF), Arrays.copyOfRange(content, (int) offset, (int) offset + length)));
        return length < blockSize;
    }

    // ---------------------------------------------------------------- options

    private Map<String, String> requestOptions(long tsize) {
        Map<String, String> requested = new LinkedHashMap<>();
        if (options.blockSize() != TftpCodec.DEFAULT_BLOCK_SIZE) {
            requested.put("blksize", Integer.toString(options.blockSize()));
        }
        if (options.tsize()) {
            requested.put("tsize", Long.toString(tsize));
        }
        if (options.timeoutOption() > 0) {
            requested.put("timeout", Integer.toString(options.timeoutOption()));
        }
        return requested;
    }

    /** Checks an OACK against what we asked; returns its tsize or -1. */
    private long acceptOack(OptionAck oack, Map<String, String> requested) throws TftpException {
        long tsize = -1;
        for (Map.Entry<String, String> option : oack.options().entrySet()) {
            String name = option.getKey();
            if (!requested.containsKey(name)) {
                throw protocol(TftpErrorCode.OPTION_REFUSED, "OACK has option " + TftpCodec.printable(name)
                        + " that was not requested");
            }
            long value = parse(option.getValue());
            boolean ok = switch (name) {
                case "blksize" -> value >= TftpCodec.MIN_BLOCK_SIZE && value <= Long.parseLong(requested.get(name));
                case "timeout" -> value >= 1 && value <= 255;
                case "tsize" -> value >= 0;
                default -> true;
            };
            if (!ok) {
                throw protocol(TftpErrorCode.OPTION_REFUSED, "OACK has an invalid " + name + " "
                        + TftpCodec.printable(option.getValue()));
            }
            if (name.equals("tsize")) {
                tsize = value;
            }
        }
        return tsize;
    }

    private static int blockSizeOf(OptionAck oack) {
        String value = oack.options().get("blksize");
        return value == null ? TftpCodec.DEFAULT_BLOCK_SIZE : Integer.parseInt(value.trim());
    }

    private static long parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(t);
    }

    // ---------------------------------------------------------------- socket

    private void start(TftpPacket request) throws TftpException {
        peer = null;
        blockSize = TftpCodec.DEFAULT_BLOCK_SIZE;
        started = false;
        sent = 0;
        finalSent = false;
        progress();
        send(request);
    }

    /** Resets the retransmission budget after the transfer moved forward. */
    private void progress() {
        retries = 0;
        waitNanos = options.retransmitTimeout().toNanos();
    }

    private void send(TftpPacket packet) throws TftpException {
        lastSent = packet;
        sendTo(packet, peer != null ? peer : server);
    }

    private void resend() throws TftpException {
        sendTo(lastSent, peer != null ? peer : server);
    }

    private void sendTo(TftpPacket packet, InetSocketAddress to) throws TftpException {
        out.clear();
        TftpCodec.encode(packet, out);
        try {
            socket.send(new DatagramPacket(out.array(), out.arrayOffset(), out.readableBytes(), to));
        } catch (IOException e) {
            throw new TftpException(TftpException.Kind.IO, null, where() + ": send failed: " + e.getMessage(), e);
        }
    }

    /** The next well-formed packet from the server, retransmitting on silence. */
    private TftpPacket receive() throws TftpException {
        DatagramPacket datagram = new DatagramPacket(receiveBuffer, receiveBuffer.length);
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TftpException(TftpException.Kind.TIMEOUT, where() + ": no complete transfer within "
                        + options.overallTimeout().toMillis() + " ms");
            }
            long wait = Math.min(waitNanos, remaining);
            datagram.setLength(receiveBuffer.length);
            try {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() - deadline >= 0) {
                    continue; // reported at the top of the loop
                }
                if (++retries > options.maxRetries()) {
                    throw new TftpException(TftpException.Kind.TIMEOUT, where() + ": no answer after "
                            + options.maxRetries() + " retransmissions");
                }
                waitNanos = Math.min(waitNanos * 2, options.retransmitTimeout().toNanos() * 8);
                resend();
                continue;
            } catch (IOException e) {
                throw new TftpException(TftpException.Kind.IO, null, where() + ": receive failed: " + e.getMessage(), e);
            }
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            if (peer == null && !from.getAddress().equals(server.getAddress())) {
                continue; // not from the server we asked
            }
            if (peer != null && !peer.equals(from)) {
                sendTo(new ErrorPacket(TftpErrorCode.UNKNOWN_TID, "unknown transfer ID"), from);
                continue;
            }
            peer = from;
            switch (TftpCodec.decode(receiveBuffer, 0, datagram.getLength())) {
                case TftpDecodeResult.Decoded decoded -> {
                    return decoded.packet();
                }
                case TftpDecodeResult.Malformed malformed ->
                        throw protocol(malformed.code(), "malformed packet: " + malformed.reason());
            }
        }
    }

    // ---------------------------------------------------------------- errors

    private TftpException fromError(ErrorPacket error) {
        TftpException.Kind kind = switch (error.code().code()) {
            case 1 -> TftpException.Kind.FILE_NOT_FOUND;
            case 2 -> TftpException.Kind.ACCESS_VIOLATION;
            default -> TftpException.Kind.ERROR_PACKET;
        };
        return new TftpException(kind, error.code(), where() + ": server error " + error.code().code() + ": "
                + TftpCodec.printable(error.message()), null);
    }

    /** Tells the server why we stop, then returns the exception to throw. */
    private TftpException protocol(TftpErrorCode code, String reason) {
        sendQuietly(new ErrorPacket(code, reason));
        return new TftpException(TftpException.Kind.PROTOCOL, where() + ": " + reason);
    }

    private TftpException tooLarge(long size) {
        sendQuietly(new ErrorPacket(TftpErrorCode.DISK_FULL, "file too large"));
        return new TftpException(TftpException.Kind.TOO_LARGE, where() + ": file of " + size
                + " bytes or more exceeds the limit of " + options.maxSize() + " bytes");
    }

    private void sendQuietly(ErrorPacket error) {
        try {
            sendTo(error, peer != null ? peer : server);
        } catch (TftpException ignored) {
            // best effort: the transfer is failing anyway
        }
    }

    private String where() {
        return "tftp://" + server.getHostString() + ":" + server.getPort() + "/" + TftpCodec.printable(path);
    }

    @Override
    public void close() {
        socket.close();
    }
}
