package nl.eindtoets.gateway.chain;

import nl.eindtoets.gateway.edge.Correlation;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.MDC;

/**
 * Removes the request's correlation id from the logging context once its answer is out, so that what the same
 * server thread logs next (a TLS refusal, another request's early failure) is not attributed to this request.
 */
final class CorrelationCleanupInterceptor extends AbstractPhaseInterceptor<Message> {

    CorrelationCleanupInterceptor() {
        super(Phase.SETUP_ENDING);
    }

    @Override
    public void handleMessage(Message message) {
        MDC.remove(Correlation.MDC_KEY);
    }

    @Override
    public void handleFault(Message message) {
        MDC.remove(Correlation.MDC_KEY);
    }
}
