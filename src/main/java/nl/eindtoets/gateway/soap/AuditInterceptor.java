package nl.eindtoets.gateway.soap;

import java.time.Clock;
import nl.eindtoets.gateway.addressing.AddressingHeaders;
import nl.eindtoets.gateway.identity.RequestIdentity;
import nl.eindtoets.gateway.store.AuditLog;
import nl.eindtoets.gateway.store.AuditRecord;
import org.apache.cxf.message.Exchange;
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
public final class AuditInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);

    private final AuditLog audit;
    private final String operation;
    private final Clock clock;

    public AuditInterceptor(AuditLog audit, String operation, Clock clock) {
        super(Phase.PRE_STREAM);
        getAfter().add(FaultRenderingInterceptor.class.getName());
        this.audit = audit;
        this.operation = operation;
        this.clock = clock;
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        if (exchange == null || exchange.containsKey(AuditInterceptor.class)) {
            return;
        }
        exchange.put(AuditInterceptor.class, this);
        RequestIdentity who = exchange.get(RequestIdentity.class);
        AddressingHeaders addressing = exchange.get(AddressingHeaders.class);
        WireFault fault = exchange.get(WireFault.class);
        String decision = fault == null ? "accepted" : fault.code().getLocalPart().startsWith("Server.") ? "error" : "refused";
        String digest = who == null ? null : CurrentRequest.bodyDigestOrNull(exchange);
        try {
            audit.record(new AuditRecord(clock.instant(), Correlation.of(exchange),
                    addressing == null ? null : addressing.messageId(),
                    who == null ? null : who.signerOin().value(), who == null ? null : who.schoolOin().value(),
                    operation, decision, fault == null ? null : fault.code().getLocalPart(), digest));
        } catch (RuntimeException e) {
            LOG.error("audit record not written: correlationId={} reason={}", Correlation.of(exchange), e.toString());
        }
    }
}
