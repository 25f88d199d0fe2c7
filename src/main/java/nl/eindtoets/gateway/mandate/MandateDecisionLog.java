package nl.eindtoets.gateway.mandate;

import nl.eindtoets.gateway.request.GatewayRequest;

/** Where mandate decisions are recorded (the audit store in production, a log line at the least). */
public interface MandateDecisionLog {

    void record(MandateDecision decision);

    /**
     * Records the decision about {@code request} (null when the check was made outside a request): a durable log
     * enlists it in the request's one transaction ({@link GatewayRequest#enlist}); others record it at once.
     */
    default void record(MandateDecision decision, GatewayRequest request) {
        record(decision);
    }
}
