package nl.eindtoets.gateway.push;

import java.time.Instant;

/**
 * A claimed outbox row: what one send needs, and the lease token and version its outcome is recorded under.
 *
 * @param attempts      attempts made before this one
 * @param pendingSince  when this body was enqueued (the give-up age counts from here)
 */
public record OutboxMessage(long id, int version, String leaseToken, String brin, String routingId,
                            String schoolOin, String lasOin, String rapportid, String body, int attempts,
                            Instant pendingSince) {
}
