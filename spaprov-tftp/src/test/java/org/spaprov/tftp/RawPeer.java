package org.spaprov.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A hand-driven UDP peer for protocol tests: sends any bytes, receives decoded packets. */
final class RawPeer implements AutoCloseable {

    record Received(TftpPacket packet, InetSocketAddress from) {
    }

    final DatagramSocket socket;
    private final byte[] buf = new byte[70_000];

    RawPeer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** A peer on {@code local} (any 127.x.y.z works on Linux loopback: a second source address for fairness tests). */
    RawPeer(InetAddress local) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(local, 0));
        socket.setSoTimeout(5000);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(byte[] bytes, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    void send(TftpPacket packet, InetSocketAddress to) throws IOException {
        ByteBuf out = Unpooled.buffer();
        TftpCodec.encode(packet, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        send(bytes, to);
    }

    /** The next datagram, which must decode. Fails the test after 5 s of silence. */
    Received receive() throws IOException {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        TftpDecodeResult r = TftpCodec.decode(buf, 0, p.getLength());
        assertThat(r).isInstanceOf(TftpDecodeResult.Decoded.class);
        return new Received(((TftpDecodeResult.Decoded) r).packet(), (InetSocketAddress) p.getSocketAddress());
    }

    ErrorPacket receiveError() throws IOException {
        Received r = receive();
        assertThat(r.packet()).isInstanceOf(ErrorPacket.class);
        return (ErrorPacket) r.packet();
    }

    /** Acknowledges DATA from {@code tid} until the last block, starting after {@code first}. */
    byte[] drain(Received first, int blockSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Received r = first;
        int expected = 1;
        while (true) {
            Data d = (Data) r.packet();
            if (d.block() == (expected & 0xFFFF)) {
                out.write(d.payload());
                send(new Ack(d.block()), r.from());
                if (d.payload().length < blockSize) {
                    return out.toByteArray();
                }
                expected++;
            }
            r = receive();
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
