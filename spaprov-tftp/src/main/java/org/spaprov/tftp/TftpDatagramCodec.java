package org.spaprov.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * The UDP adapter around {@link TftpCodec}: {@link DatagramPacket} in, {@link TftpInbound} out;
 * {@link TftpOutbound} in, {@link DatagramPacket} out. Malformed datagrams are passed on as
 * {@link TftpDecodeResult.Malformed} values, never as exceptions. Stateless and {@link Sharable}.
 * The inbound datagram is released by the base class after decoding.
 *
 * <pre>{@code
 * pipeline.addLast(TftpDatagramCodec.INSTANCE);   // first: bytes <-> packets
 * pipeline.addLast(handler);                      // then: SimpleChannelInboundHandler<TftpInbound>
 * }</pre>
 */
@Sharable
public final class TftpDatagramCodec extends MessageToMessageCodec<DatagramPacket, TftpOutbound> {

    /** The shared instance. */
    public static final TftpDatagramCodec INSTANCE = new TftpDatagramCodec();

    private TftpDatagramCodec() {
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket msg, List<Object> out) {
        out.add(new TftpInbound(TftpCodec.decode(msg.content()), msg.sender(), msg.recipient()));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, TftpOutbound msg, List<Object> out) {
        ByteBuf buf = ctx.alloc().ioBuffer(TftpCodec.sizeHint(msg.packet()));
        boolean done = false;
        try {
            TftpCodec.encode(msg.packet(), buf);
            out.add(new DatagramPacket(buf, msg.recipient()));
            done = true;
        } finally {
            if (!done) {
                buf.release();
            }
        }
    }
}
