package nl.eindtoets.gateway.chain;

import java.time.Duration;
import nl.eindtoets.gateway.ops.GatewayMetrics;
import nl.eindtoets.gateway.request.GatewayRequest;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** Times each request from arrival to the last outbound phase, by operation, outcome and fault code. */
final class RequestMetricsInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final String RECORDED = RequestMetricsInterceptor.class.getName() + ".recorded";

    private final GatewayMetrics metrics;

    RequestMetricsInterceptor(GatewayMetrics metrics) {
        super(Phase.SETUP_ENDING);
        this.metrics = metrics;
    }

    @Override
    public void handleMessage(Message message) {
        record(message.getExchange());
    }

    @Override
    public void handleFault(Message message) {
        record(message.getExchange());
    }

    private void record(Exchange exchange) {
        GatewayRequest request = GatewayRequests.orNull(exchange);
        if (request == null || exchange.put(RECORDED, Boolean.TRUE) != null) {
            return;
        }
        String code = request.refusalOrNull() == null ? null : request.refusalOrNull().codeName();
        metrics.recordRequest(request.operation(), request.outcome().label(), code,
                Duration.ofNanos(System.nanoTime() - request.arrivedNanos()));
    }
}
