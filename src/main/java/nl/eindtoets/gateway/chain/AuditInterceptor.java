package nl.eindtoets.gateway.chain;

import java.time.Clock;
import java.time.Instant;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.AuditRecord;
import nl.eindtoets.gateway.store.RequestTransactions;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Writes the audit record of a request (who, for which school, which operation, what was decided, the body digest;
 * never content) before its fault is sent, with what its stages enlisted (replay record, mandate decision), in one
 * transaction. An answer's record was already committed with the handler's work ({@link OperationInvoker}); this
 * step then writes nothing. See {@link RequestTransactions#commitRefusal} for a refusal whose record cannot be
 * written.
 */
final class AuditInterceptor extends AbstractPhaseInterceptor<Message> {

    private final RequestTransactions transactions;
    private final Clock clock;

    AuditInterceptor(RequestTransactions transactions, Clock clock) {
        super(Phase.PRE_STREAM);
        addAfter(FaultRenderingInterceptor.class.getName());
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void handleMessage(Message message) {
        GatewayRequest request = GatewayRequests.orNull(message.getExchange());
        if (request == null || message.getExchange().containsKey(AuditInterceptor.class)) {
            return;
        }
        message.getExchange().put(AuditInterceptor.class, this);
        transactions.commitRefusal(request, recordOf(request, clock.instant()));
    }

    /** The audit record of the request as it stands: accepted until it is refused. */
    static AuditRecord recordOf(GatewayRequest request, Instant time) {
        RequestIdentity who = request.identityOrNull();
        Refusal refusal = request.refusalOrNull();
        String digest = who == null ? null : request.bodyDigestOrNull();
        return new AuditRecord(time, request.correlationId(),
                request.addressingOrNull() == null ? null : request.addressingOrNull().messageId(),
                who == null ? null : who.signerOin().value(), who == null ? null : who.schoolOin().value(),
                request.operation(), request.outcome().label(), refusal == null ? null : refusal.codeName(), digest);
    }
}
