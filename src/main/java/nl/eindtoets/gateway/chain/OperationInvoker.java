package nl.eindtoets.gateway.chain;

import java.util.List;
import java.util.function.BiFunction;
import nl.eindtoets.gateway.request.GatewayRequest;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.service.invoker.Invoker;

/**
 * Calls an operation's handler with the request record and the unmarshalled body: the record comes from the
 * exchange CXF hands the invoker, so nothing travels through thread-locals. The handler runs only when every stage
 * has passed ({@link GatewayRequest#payload()} fails closed otherwise).
 */
final class OperationInvoker<B> implements Invoker {

    private final Class<B> bodyType;
    private final BiFunction<GatewayRequest, B, Object> operation;

    OperationInvoker(Class<B> bodyType, BiFunction<GatewayRequest, B, Object> operation) {
        this.bodyType = bodyType;
        this.operation = operation;
    }

    @Override
    public Object invoke(Exchange exchange, Object parameters) {
        GatewayRequest request = GatewayRequests.of(exchange);
        request.payload();
        List<?> arguments = (List<?>) parameters;
        if (arguments == null || arguments.size() != 1 || !bodyType.isInstance(arguments.get(0))) {
            throw new IllegalStateException("expected one " + bodyType.getSimpleName() + " as the request body");
        }
        return new MessageContentsList(operation.apply(request, bodyType.cast(arguments.get(0))));
    }
}
