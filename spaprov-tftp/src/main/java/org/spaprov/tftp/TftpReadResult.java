package org.spaprov.tftp;

/** What a {@link TftpFileSource} answers to a read: the file's bytes or a refusal. */
public sealed interface TftpReadResult permits TftpReadResult.Found, TftpReadResult.Refused {

    /** The content to send (not copied: do not change it afterwards). */
    record Found(byte[] content) implements TftpReadResult {
        public Found {
            if (content == null) {
                throw new IllegalArgumentException("content is required");
            }
        }
    }

    /** The request is refused with this error. */
    record Refused(TftpRefusal refusal) implements TftpReadResult {
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
