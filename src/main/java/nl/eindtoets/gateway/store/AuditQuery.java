package nl.eindtoets.gateway.store;

import java.time.Instant;

/**
 * A search of the audit log: every non-null field must match exactly (times: from inclusive, to exclusive).
 * Results come newest first, at most {@code limit}, skipping {@code offset}.
 */
public record AuditQuery(Instant from, Instant to, String schoolOin, String signerOin, String messageId,
                         String correlationId, String operation, String decision, String faultCode,
                         int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, limit, 0);
    }
}
