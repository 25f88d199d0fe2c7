package nl.eindtoets.gateway.security;

import java.time.Instant;

/**
 * Remembers signed messages for as long as their Timestamp allows them to be accepted, so that the same signed
 * message cannot be accepted twice. Implementations must be safe for concurrent use; a clustered deployment needs
 * one shared by all nodes ({@link JdbcReplayGuard}).
 */
public interface ReplayGuard {

    /**
     * Records {@code signatureValue} until {@code acceptableUntil}; returns false when it was already recorded
     * (a replay).
     */
    boolean firstSeen(String signatureValue, Instant acceptableUntil);

    /**
     * As {@link #firstSeen(String, Instant)}, with who sent the message and its MessageID for the record
     * (either may be null). Guards that keep no such record ignore them.
     */
    default boolean firstSeen(String signatureValue, String signerOin, String messageId, Instant acceptableUntil) {
        return firstSeen(signatureValue, acceptableUntil);
    }
}
