package nl.eindtoets.gateway.security;

import java.time.Instant;
import nl.eindtoets.gateway.request.GatewayRequest;

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

    /**
     * As {@link #firstSeen(String, String, String, Instant)} for one request. A guard in the database answers from a
     * read and enlists the record in the request's one transaction ({@link GatewayRequest#enlist}), where the
     * unique key decides between concurrent copies: the copy that loses is refused as a replay then. Guards
     * outside the database record at once.
     */
    default boolean firstSeen(GatewayRequest request, String signatureValue, String signerOin, String messageId,
                              Instant acceptableUntil) {
        return firstSeen(signatureValue, signerOin, messageId, acceptableUntil);
    }
}
