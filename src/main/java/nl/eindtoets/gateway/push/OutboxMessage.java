package nl.eindtoets.gateway.push;

import java.time.Instant;

/**
 * A claimed outbox row: what one send needs, and the lease token and version its outcome is recorded under.
 *
 * @param attempts      attempts made before this one
 * @param pendingSince  when this body was enqueued (the give-up age counts from here)
 * @param leaseUntil    when this node's claim ends and another node may send the message
 */
public record OutboxMessage(long id, int version, String leaseToken, String brin, String dependancecode,
                            String schooljaar, String routingId, String schoolOin, String lasOin, String rapportid,
                            String body, int attempts, Instant pendingSince, Instant leaseUntil) {

    /** The school list this message belongs to, as {@code participant_delivery.current_list} names it. */
    String listKey() {
        return brin + "/" + dependancecode + "/" + schooljaar;
    }

    /** The same message, sent along {@code route}. */
    OutboxMessage along(ListRoute.ToLas route) {
        return new OutboxMessage(id, version, leaseToken, brin, dependancecode, schooljaar, route.routingId(),
                route.schoolOin(), route.lasOin(), rapportid, body, attempts, pendingSince, leaseUntil);
    }
}
