package nl.eindtoets.gateway.ops;

import java.time.Duration;
import nl.eindtoets.gateway.soap.WireFault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** Times each request of one operation from arrival to the last outbound phase, by outcome and fault code. */
public final class RequestMetricsInterceptors {

    private static final String STARTED = RequestMetricsInterceptors.class.getName() + ".started";

    private final GatewayMetrics metrics;
    private final String operation;

    public RequestMetricsInterceptors(GatewayMetrics metrics, String operation) {
        this.metrics = metrics;
        this.operation = operation;
    }

    public AbstractPhaseInterceptor<Message> start() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            {
                getBefore().add(nl.eindtoets.gateway.soap.AdmissionControl.Admit.class.getName());
            }

            @Override
            public void handleMessage(Message message) {
                message.getExchange().put(STARTED, System.nanoTime());
            }
        };
    }

    public AbstractPhaseInterceptor<Message> finish() {
        return new AbstractPhaseInterceptor<>(Phase.SETUP_ENDING) {
            @Override
            public void handleMessage(Message message) {
                record(message.getExchange());
            }

            @Override
            public void handleFault(Message message) {
                record(message.getExchange());
            }
        };
    }

    private void record(Exchange exchange) {
        Object started = exchange == null ? null : exchange.remove(STARTED);
        if (!(started instanceof Long t0)) {
            return;
        }
        WireFault fault = exchange.get(WireFault.class);
        String code = fault == null ? null : fault.code().getLocalPart();
        String outcome = fault == null ? "accepted" : code.startsWith("Server.") ? "error" : "refused";
        metrics.recordRequest(operation, outcome, code, Duration.ofNanos(System.nanoTime() - t0));
    }
}
