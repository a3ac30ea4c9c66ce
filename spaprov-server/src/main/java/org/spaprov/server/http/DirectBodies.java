package org.spaprov.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Direct-memory copies of the bodies the service hands out again and again (its cache returns the same array
 * for the same profile), so a response is written to the socket without copying the heap array into direct
 * memory each time — the JVM's answer to nginx's {@code sendfile}. Beside each body it keeps the pre-encoded
 * head of its usual answer ({@code 200 OK} with length, type and ETag, see {@link #okHead}), so the common
 * keep-alive response is three buffers written as they are: head, {@code Date} line, body.
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

    /** {@code okHead} is null until first asked for; etag and contentType say what it was encoded with. */
    private record Slot(byte[] key, ByteBuf direct, String etag, String contentType, ByteBuf okHead) {
    }

    private final Slot[] slots = new Slot[SLOTS];

    /** A buffer for {@code body[offset, offset+length)}: a view of a cached direct copy, or a heap wrapper. */
    ByteBuf wrap(byte[] body, int offset, int length) {
        if (body.length < MIN || body.length > MAX) {
            return Unpooled.wrappedBuffer(body, offset, length);
        }
        return slot(body).direct().retainedSlice(offset, length);
    }

    /**
     * The whole body as a cached direct buffer, or null when it is not cacheable (outside MIN..MAX).
     * The caller owns the returned reference.
     */
    ByteBuf whole(byte[] body) {
        if (body.length < MIN || body.length > MAX) {
            return null;
        }
        return slot(body).direct().retainedDuplicate();
    }

    /**
     * The encoded status line and headers, up to but without {@code Date} and the blank line, of
     * {@code HTTP/1.1 200 OK} for {@code body} with {@code etag} (quoted, may be null) and {@code contentType}:
     * exactly what {@link HttpResponses#forResult} sets for a keep-alive HTTP/1.1 GET. Null when the body is
     * not cacheable. The caller owns the returned reference.
     */
    ByteBuf okHead(byte[] body, String etag, String contentType) {
        if (body.length < MIN || body.length > MAX) {
            return null;
        }
        int i = index(body);
        Slot s = slot(body);
        if (s.okHead() == null || !java.util.Objects.equals(s.etag(), etag) || !s.contentType().equals(contentType)) {
            StringBuilder h = new StringBuilder(160).append("HTTP/1.1 200 OK\r\n")
                    .append("server: ").append(HttpResponses.SERVER).append("\r\n")
                    .append("content-length: ").append(body.length).append("\r\n")
                    .append("content-type: ").append(contentType).append("\r\n");
            if (etag != null) {
                h.append("etag: ").append(etag).append("\r\n");
            }
            s = new Slot(body, s.direct(), etag, contentType, constant(h.toString().getBytes(StandardCharsets.ISO_8859_1)));
            slots[i] = s;
        }
        return s.okHead().duplicate();
    }

    /** An unreleasable read-only direct buffer holding {@code bytes}, to hand out as duplicates. */
    static ByteBuf constant(byte[] bytes) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bb).asReadOnly());
    }

    private Slot slot(byte[] body) {
        int i = index(body);
        Slot s = slots[i];
        if (s == null || s.key() != body) {
            // A JDK direct buffer, freed by the garbage collector on every JDK: a replaced slot may still be
            // referenced by responses in flight, so nobody can release it explicitly.
            s = new Slot(body, constant(body), null, "", null);
            slots[i] = s;
        }
        return s;
    }

    private static int index(byte[] body) {
        return System.identityHashCode(body) & (SLOTS - 1);
    }
}
