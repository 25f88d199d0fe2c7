package nl.eindtoets.gateway.chain;

import java.time.Clock;
import java.util.List;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.store.RequestTransactions;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.service.invoker.Invoker;

/**
 * Calls an operation's handler with the request record and the unmarshalled body: the record comes from the
 * exchange CXF hands the invoker, so nothing travels through thread-locals. The handler runs only when every stage
 * has passed ({@link GatewayRequest#payload()} fails closed otherwise), in the request's one transaction: what the
 * stages enlisted, the handler's work and the audit record of the answer are committed together before the answer
 * is returned, or the request is refused and nothing of it is kept.
 */
final class OperationInvoker<B> implements Invoker {

    private final Class<B> bodyType;
    private final SoapChain.Operation<B> operation;
    private final RequestTransactions transactions;
    private final Clock clock;

    OperationInvoker(Class<B> bodyType, SoapChain.Operation<B> operation, RequestTransactions transactions,
                     Clock clock) {
        this.bodyType = bodyType;
        this.operation = operation;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Object invoke(Exchange exchange, Object parameters) {
        GatewayRequest request = GatewayRequests.of(exchange);
        request.payload();
        List<?> arguments = (List<?>) parameters;
        if (arguments == null || arguments.size() != 1 || !bodyType.isInstance(arguments.get(0))) {
            throw new IllegalStateException("expected one " + bodyType.getSimpleName() + " as the request body");
        }
        B body = bodyType.cast(arguments.get(0));
        Object answer = transactions.commitAnswer(request, c -> operation.apply(c, request, body),
                () -> AuditInterceptor.recordOf(request, clock.instant()));
        return new MessageContentsList(answer);
    }
}
