package nl.eindtoets.gateway.deelnemers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The receipt of a stored delivery; given only after the delivery is committed, and again for an exact repeat. */
public record Ontvangst(UUID ontvangstId, int aantalDeelnemers, OffsetDateTime ontvangenOp) {
}
