package org.spaprov.tftp;

/**
 * What a {@link TftpFileSource} answers to a read: the file's bytes or a refusal. Either may carry a
 * {@code context}: anything the source wants back in the request's {@link TftpTransferEvent#context()} (for
 * example the device it attributed the request to), so the event can say what happened in the source's terms.
 */
public sealed interface TftpReadResult permits TftpReadResult.Found, TftpReadResult.Refused {

    /** The source's context for the event, or null. */
    Object context();

    /** The content to send (not copied: do not change it afterwards). */
    record Found(byte[] content, Object context) implements TftpReadResult {
        public Found {
            if (content == null) {
                throw new IllegalArgumentException("content is required");
            }
        }

        public Found(byte[] content) {
            this(content, null);
        }
    }

    /** The request is refused with this error. */
    record Refused(TftpRefusal refusal, Object context) implements TftpReadResult {
        public Refused {
            if (refusal == null) {
                throw new IllegalArgumentException("refusal is required");
            }
        }

        public Refused(TftpRefusal refusal) {
            this(refusal, null);
        }
    }

    static TftpReadResult found(byte[] content) {
        return new Found(content);
    }

    static TftpReadResult refused(TftpErrorCode code, String message) {
        return new Refused(new TftpRefusal(code, message));
    }

    static TftpReadResult notFound() {
        return new Refused(TftpRefusal.notFound("File not found"));
    }
}
