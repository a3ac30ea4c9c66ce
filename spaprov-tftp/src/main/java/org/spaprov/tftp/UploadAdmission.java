package org.spaprov.tftp;

/**
 * A {@link TftpUploadSink}'s answer to a WRQ, given before any buffer is allocated or any data flows: accepted up
 * to a size, or refused. Either may carry a {@code context} for the request's {@link TftpTransferEvent#context()}.
 */
public sealed interface UploadAdmission permits UploadAdmission.Accepted, UploadAdmission.Refused {

    /** The sink's context for the event, or null. */
    Object context();

    /**
     * The upload may start.
     *
     * @param maxBytes the largest upload this sink takes; the server applies the smaller of this and
     *                 {@link TftpServerConfig#maxUploadSize()} (ERROR 3 beyond, or at once for a larger
     *                 {@code tsize})
     */
    record Accepted(long maxBytes, Object context) implements UploadAdmission {
        public Accepted {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
            }
        }
    }

    /** The request is refused with this error; nothing is buffered. */
    record Refused(TftpRefusal refusal, Object context) implements UploadAdmission {
        public Refused {
            if (refusal == null) {
                throw new IllegalArgumentException("refusal is required");
            }
        }
    }

    /** Accepted up to the server's {@link TftpServerConfig#maxUploadSize()}. */
    static UploadAdmission accept() {
        return new Accepted(Long.MAX_VALUE, null);
    }

    static UploadAdmission accept(long maxBytes) {
        return new Accepted(maxBytes, null);
    }

    static UploadAdmission refuse(TftpRefusal refusal) {
        return new Refused(refusal, null);
    }
}
