package org.spaprov.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Direct-memory copies of the bodies the service hands out again and again (its cache returns the same array
 * for the same profile), so a response is written to the socket without copying the heap array into direct
 * memory each time — the JVM's answer to nginx's {@code sendfile}.
 *
 * <p>A direct-mapped table keyed by array identity: a hit costs one array read and a reference compare, no
 * allocation; a collision replaces the slot. Only bodies from {@value #MIN} bytes to {@value #MAX} bytes are
 * kept, so the table holds at most {@code SLOTS × MAX} = 64 MiB. Thread-safe without locks: a racing writer
 * only replaces a slot, and readers check the key of the slot they read.
 */
final class DirectBodies {
    static final int MIN = 1024;
    static final int MAX = 128 * 1024;
    private static final int SLOTS = 512;

    private record Slot(byte[] key, ByteBuf direct) {
    }

    private final Slot[] slots = new Slot[SLOTS];

    /** A buffer for {@code body[offset, offset+length)}: a view of a cached direct copy, or a heap wrapper. */
    ByteBuf wrap(byte[] body, int offset, int length) {
        if (body.length < MIN || body.length > MAX) {
            return Unpooled.wrappedBuffer(body, offset, length);
        }
        int i = System.identityHashCode(body) & (SLOTS - 1);
        Slot s = slots[i];
        if (s == null || s.key() != body) {
            // A JDK direct buffer, freed by the garbage collector on every JDK: a replaced slot may still be
            // referenced by responses in flight, so nobody can release it explicitly.
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocateDirect(body.length).put(body).flip();
            ByteBuf d = Unpooled.wrappedBuffer(bb);
            s = new Slot(body, Unpooled.unreleasableBuffer(d.asReadOnly()));
            slots[i] = s;
        }
        return s.direct().retainedSlice(offset, length);
    }
}
