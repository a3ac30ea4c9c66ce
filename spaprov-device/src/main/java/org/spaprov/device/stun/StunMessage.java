package org.spaprov.device.stun;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The STUN messages the device speaks (RFC 5389 §6): a Binding request, and the two answers to it.
 * {@link StunCodec} turns them into bytes and back.
 */
public sealed interface StunMessage {
    /** The 96-bit transaction id that pairs an answer with its request. */
    TransactionId id();

    /** A Binding request with no attributes (RFC 5389 §7.1). */
    record BindingRequest(TransactionId id) implements StunMessage {
        public BindingRequest {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A Binding success response. {@code mapped} is the reflexive transport address: from
     * XOR-MAPPED-ADDRESS, else from the classic MAPPED-ADDRESS (RFC 3489 servers); empty when the
     * answer carried neither.
     */
    record BindingSuccess(TransactionId id, Optional<InetSocketAddress> mapped) implements StunMessage {
        public BindingSuccess {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(mapped, "mapped");
        }
    }

    /** A Binding error response with its ERROR-CODE (300..699; 0 when the answer had none). */
    record BindingError(TransactionId id, int code, String reason) implements StunMessage {
        public BindingError {
            Objects.requireNonNull(id, "id");
            reason = reason == null ? "" : reason;
        }
    }

    /** 12 bytes, held as one long and one int so the record compares by value. */
    record TransactionId(long high, int low) {
        /** A fresh random id (RFC 5389 §6: "uniformly and randomly chosen"). */
        public static TransactionId random(java.util.random.RandomGenerator r) {
            return new TransactionId(r.nextLong(), r.nextInt());
        }
    }
}
