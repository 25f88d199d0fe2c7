package nl.eindtoets.gateway.deelnemers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What is kept about one delivery besides its pupils: who sent it, when, over which channel, and whether it is still
 * current.
 */
public record StoredDelivery(UUID id, String brin, String dependancecode, String schooljaar, String signerOin,
                             String schoolOin, String messageId, String bodyDigest, Instant receivedAt,
                             Instant schoolAanmaakdatum, String xsdversie, int participantCount,
                             Instant supersededAt, Levering levering) {

    public boolean isCurrent() {
        return supersededAt == null;
    }

    /** The receipt this delivery was (or would again be) answered with. */
    public Ontvangst ontvangst() {
        return new Ontvangst(id, participantCount, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
    }
}
