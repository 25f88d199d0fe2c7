package nl.eindtoets.gateway.chain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.edge.Correlation;
import nl.eindtoets.gateway.edge.LimitedInputStream;
import nl.eindtoets.gateway.edge.RequestLimits;
import nl.eindtoets.gateway.edge.SignerRateLimiter;
import nl.eindtoets.gateway.edge.UnreadBody;
import nl.eindtoets.gateway.envelope.Utf8Rule;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.MDC;

/**
 * The steps of the chain that work on the raw request, before its body is parsed: arrival, admission, the per-LAS
 * rate limit, the size limit and the UTF-8 rule. Their order is declared in {@link SoapChain}.
 */
final class EdgeInterceptors {

    private EdgeInterceptors() {
    }

    /** Opens the request record, with its correlation id in the logging context. */
    static final class Arrival extends AbstractPhaseInterceptor<Message> {
        private final String operation;

        Arrival(String id, String operation) {
            super(id, Phase.RECEIVE);
            this.operation = operation;
        }

        @Override
        public void handleMessage(Message message) {
            GatewayRequest request = GatewayRequests.open(message, operation);
            MDC.put(Correlation.MDC_KEY, request.correlationId());
        }
    }

    /** Takes a permit of the global caps; the permit goes back in {@link Release}, for answers and faults alike. */
    static final class Admission extends AbstractPhaseInterceptor<Message> {
        private final AdmissionControl admission;
        private final long maxMessageSize;

        Admission(String id, AdmissionControl admission, long maxMessageSize) {
            super(id, Phase.RECEIVE);
            this.admission = admission;
            this.maxMessageSize = maxMessageSize;
        }

        @Override
        public void handleMessage(Message message) {
            GatewayRequest request = GatewayRequests.of(message.getExchange());
            try {
                message.getExchange().put(AdmissionControl.Permit.class,
                        admission.admit(request.transport().contentLength()));
            } catch (GatewayFault refused) {
                UnreadBody.discard(message.getContent(InputStream.class), maxMessageSize);
                throw refused;
            }
        }
    }

    /** Gives the admission permit back once the answer is out. */
    static final class Release extends AbstractPhaseInterceptor<Message> {
        private final AdmissionControl admission;

        Release(AdmissionControl admission) {
            super(Phase.SETUP_ENDING);
            this.admission = admission;
        }

        @Override
        public void handleMessage(Message message) {
            release(message);
        }

        @Override
        public void handleFault(Message message) {
            release(message);
        }

        private void release(Message message) {
            if (message.getExchange() != null) {
                admission.release(message.getExchange().get(AdmissionControl.Permit.class));
            }
        }
    }

    /** The per-LAS token bucket, before any signature work is spent on the request. */
    static final class RateLimit extends AbstractPhaseInterceptor<Message> {
        private final SignerRateLimiter limiter;
        private final long maxMessageSize;

        RateLimit(String id, SignerRateLimiter limiter, long maxMessageSize) {
            super(id, Phase.RECEIVE);
            this.limiter = limiter;
            this.maxMessageSize = maxMessageSize;
        }

        @Override
        public void handleMessage(Message message) {
            try {
                limiter.apply(GatewayRequests.of(message.getExchange()));
            } catch (GatewayFault refused) {
                UnreadBody.discard(message.getContent(InputStream.class), maxMessageSize);
                throw refused;
            }
        }
    }

    /**
     * POST only (and GET for the contract); a declared Content-Length over the limit is answered with 413 at once, a
     * body that grows past it while streaming fails the read.
     */
    static final class SizeLimit extends AbstractPhaseInterceptor<Message> {
        private final RequestLimits limits;

        SizeLimit(String id, RequestLimits limits) {
            super(id, Phase.RECEIVE);
            this.limits = limits;
        }

        @Override
        public void handleMessage(Message message) {
            GatewayRequest request = GatewayRequests.of(message.getExchange());
            if (limits.isContractRequest(request.transport())) {
                return;
            }
            try {
                limits.checkDeclaredLength(request.transport());
            } catch (GatewayFault refused) {
                skipBody(message);
                throw refused;
            }
            // CXF reads whatever is left of the request before it answers (DelegatingInputStream), so the limit goes
            // on that stream too: otherwise a refusal would wait for the whole oversize body to arrive.
            DelegatingInputStream delegating = message.getContent(DelegatingInputStream.class);
            if (delegating != null) {
                delegating.setInputStream(new LimitedInputStream(delegating.getInputStream(), limits.maxMessageSize()));
            }
            InputStream in = message.getContent(InputStream.class);
            if (in != null && in != delegating) {
                message.setContent(InputStream.class, new LimitedInputStream(in, limits.maxMessageSize()));
            }
        }

        /** A refused body is not read at all: the answer goes out at once and the connection is not reused. */
        private static void skipBody(Message message) {
            DelegatingInputStream delegating = message.getContent(DelegatingInputStream.class);
            if (delegating != null) {
                delegating.setInputStream(InputStream.nullInputStream());
            }
            message.setContent(InputStream.class, InputStream.nullInputStream());
        }
    }

    /** Digikoppeling WS006 on the Content-Type and the first bytes of the body, before it is parsed. */
    static final class Utf8Only extends AbstractPhaseInterceptor<Message> {
        Utf8Only(String id) {
            super(id, Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            GatewayRequest request = GatewayRequests.of(message.getExchange());
            if (!request.transport().isPost()) {
                return;
            }
            Utf8Rule.checkContentType(request.transport().contentType());
            InputStream in = message.getContent(InputStream.class);
            if (in == null) {
                return;
            }
            BufferedInputStream buffered = new BufferedInputStream(in, 8192);
            message.setContent(InputStream.class, buffered);
            byte[] head;
            try {
                buffered.mark(Utf8Rule.PROLOG);
                head = buffered.readNBytes(Utf8Rule.PROLOG);
                buffered.reset();
            } catch (IOException e) {
                throw new Fault(e);
            }
            Utf8Rule.checkProlog(head);
        }
    }
}
