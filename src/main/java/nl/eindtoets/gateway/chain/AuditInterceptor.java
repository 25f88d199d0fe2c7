package nl.eindtoets.gateway.chain;

import java.time.Clock;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.AuditLog;
import nl.eindtoets.gateway.store.AuditRecord;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit record of a request (who, for which school, which operation, what was decided, the body digest;
 * never content) before its answer or fault is sent. A failing audit write is logged and does not change the answer:
 * whatever the answer says was already decided and, for deliveries, committed.
 */
final class AuditInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditLog audit;
    private final Clock clock;

    AuditInterceptor(AuditLog audit, Clock clock) {
        super(Phase.PRE_STREAM);
        addAfter(FaultRenderingInterceptor.class.getName());
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void handleMessage(Message message) {
        GatewayRequest request = GatewayRequests.orNull(message.getExchange());
        if (request == null || message.getExchange().containsKey(AuditInterceptor.class)) {
            return;
        }
        message.getExchange().put(AuditInterceptor.class, this);
        RequestIdentity who = request.identityOrNull();
        Refusal refusal = request.refusalOrNull();
        String digest = who == null ? null : request.bodyDigestOrNull();
        try {
            audit.record(new AuditRecord(clock.instant(), request.correlationId(),
                    request.addressingOrNull() == null ? null : request.addressingOrNull().messageId(),
                    who == null ? null : who.signerOin().value(), who == null ? null : who.schoolOin().value(),
                    request.operation(), request.outcome().label(), refusal == null ? null : refusal.codeName(),
                    digest));
        } catch (RuntimeException e) {
            LOG.error("audit record not written: correlationId={} reason={}", request.correlationId(), e.toString());
        }
    }
}
