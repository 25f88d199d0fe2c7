package nl.eindtoets.gateway.security;

import java.time.Instant;

/**
 * Remembers signed messages for as long as their Timestamp allows them to be accepted, so that the same signed
 * message cannot be accepted twice. Implementations must be safe for concurrent use; a clustered deployment needs
 * one shared by all nodes.
 */
public interface ReplayGuard {

    /**
     * Records {@code signatureValue} until {@code acceptableUntil}; returns false when it was already recorded
     * (a replay).
     */
    boolean firstSeen(String signatureValue, Instant acceptableUntil);
}
