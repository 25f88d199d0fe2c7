package nl.eindtoets.gateway.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.eindtoets.gateway.edge.AdmissionControl;
import nl.eindtoets.gateway.edge.RequestLimits;
import nl.eindtoets.gateway.edge.SignerRateLimiter;
import nl.eindtoets.gateway.ops.GatewayMetrics;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;
import nl.eindtoets.gateway.store.RequestTransactions;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptor;
import org.apache.cxf.ws.addressing.soap.MAPCodec;

/**
 * The request chain of one SOAP endpoint, declared once and in order. {@link #STEPS} is the order a request meets
 * the steps in; {@link #install} gives each step its CXF phase and ties it to the step before it, so CXF's phase sort
 * cannot reorder them. The steps before {@code parse} work on the raw request; from {@code envelope-structure} on,
 * each step runs a transport-neutral {@link Stage} on the request record.
 */
public final class SoapChain {

    /** The id prefix of the chain's own interceptors. */
    public static final String ID_PREFIX = "eindtoets:";

    /** The inbound steps, in the order a request meets them. */
    public static final List<String> STEPS = List.of(
            "arrival", "admission", "rate-limit", "size-limit", "utf-8",
            "parse",
            "envelope-structure", "ws-security", "replay", "addressing", "identity", "header-policy", "mandate",
            "schema");

    /** The stages that run on the parsed request, in {@link #STEPS} order; see {@link #stages}. */
    public record Stages(Stage envelopeStructure, Stage wsSecurity, Stage replay, Stage addressing, Stage identity,
                         Stage headerPolicy, Stage mandate, Stage schema) {
        public Stages {
            Objects.requireNonNull(envelopeStructure);
            Objects.requireNonNull(wsSecurity);
            Objects.requireNonNull(replay);
            Objects.requireNonNull(addressing);
            Objects.requireNonNull(identity);
            Objects.requireNonNull(headerPolicy);
            Objects.requireNonNull(mandate);
            Objects.requireNonNull(schema);
        }

        List<Stage> inOrder() {
            return List.of(envelopeStructure, wsSecurity, replay, addressing, identity, headerPolicy, mandate, schema);
        }
    }

    /**
     * What the steps around the stages need: the edge's limits, the answer's signer, the request's one transaction
     * (which holds the audit record) and metrics.
     */
    public record Services(AdmissionControl admission, SignerRateLimiter rateLimiter, RequestLimits limits,
                           AnswerSigner signer, RequestTransactions transactions, GatewayMetrics metrics, Clock clock) {
    }

    /** An operation's handler: runs in the request's one transaction, on its connection. */
    @FunctionalInterface
    public interface Operation<B> {
        Object apply(Connection connection, GatewayRequest request, B body) throws SQLException;
    }

    private SoapChain() {
    }

    /** Adds the whole chain, in and out, to an endpoint that is about to be created. */
    public static void install(JaxWsServerFactoryBean factory, String operation, Stages stages, Services services) {
        List<PhaseInterceptor<? extends Message>> in = new ArrayList<>();
        in.add(new EdgeInterceptors.Arrival(id("arrival"), operation));
        in.add(new EdgeInterceptors.Admission(id("admission"), services.admission(), services.limits().maxMessageSize()));
        in.add(new EdgeInterceptors.RateLimit(id("rate-limit"), services.rateLimiter(), services.limits().maxMessageSize()));
        in.add(new EdgeInterceptors.SizeLimit(id("size-limit"), services.limits()));
        in.add(new EdgeInterceptors.Utf8Only(id("utf-8")));
        in.add(new RequestParsingInterceptor(id("parse")));
        List<Stage> parsed = stages.inOrder();
        for (int i = 0; i < parsed.size(); i++) {
            String name = STEPS.get(STEPS.indexOf("envelope-structure") + i);
            in.add(new StageInterceptor(id(name), Phase.PRE_PROTOCOL, parsed.get(i)));
        }
        orderAsDeclared(in);
        // The parse reads through CXF's hardened reader, and the WS-Addressing headers are decoded (for the
        // answer's RelatesTo) before any stage on the parsed request can refuse.
        in.get(STEPS.indexOf("parse")).getAfter().add(StaxInInterceptor.class.getName());
        in.get(STEPS.indexOf("envelope-structure")).getAfter().add(MAPCodec.class.getName());
        factory.getInInterceptors().addAll(in);

        ResponseSigningInterceptor signer = new ResponseSigningInterceptor(services.signer());
        AuditInterceptor audit = new AuditInterceptor(services.transactions(), services.clock());
        EdgeInterceptors.Release release = new EdgeInterceptors.Release(services.admission());
        RequestMetricsInterceptor metrics = new RequestMetricsInterceptor(services.metrics());
        CorrelationCleanupInterceptor cleanup = new CorrelationCleanupInterceptor();
        List<Interceptor<? extends Message>> out = factory.getOutInterceptors();
        out.addAll(List.of(audit, signer, release, metrics, cleanup));
        List<Interceptor<? extends Message>> outFault = factory.getOutFaultInterceptors();
        outFault.addAll(List.of(new LastResortFault(operation), new FaultRenderingInterceptor(operation), audit,
                signer, release, metrics, cleanup));
    }

    /**
     * Binds the handler of one operation: {@code handler} gets the request's connection, the request record and the
     * unmarshalled body, and its answer goes out only once its work is committed with the request's audit record.
     */
    public static <B> void bindOperation(JaxWsServerFactoryBean factory, Class<B> bodyType, Operation<B> handler,
                                         Services services) {
        factory.setInvoker(new OperationInvoker<>(bodyType, handler, services.transactions(), services.clock()));
    }

    /** Each step after the one before it, and phases never going back in the declared order. */
    private static void orderAsDeclared(List<PhaseInterceptor<? extends Message>> steps) {
        List<String> phases = inboundPhaseOrder();
        for (int i = 1; i < steps.size(); i++) {
            PhaseInterceptor<? extends Message> before = steps.get(i - 1);
            PhaseInterceptor<? extends Message> step = steps.get(i);
            if (phases.indexOf(step.getPhase()) < phases.indexOf(before.getPhase())) {
                throw new IllegalStateException(step.getId() + " is declared after " + before.getId()
                        + " but its phase comes first");
            }
            if (step.getPhase().equals(before.getPhase())) {
                step.getAfter().add(before.getId());
            }
        }
    }

    private static List<String> inboundPhaseOrder() {
        return List.of(Phase.RECEIVE, Phase.PRE_STREAM, Phase.USER_STREAM, Phase.POST_STREAM, Phase.READ,
                Phase.PRE_PROTOCOL, Phase.USER_PROTOCOL, Phase.POST_PROTOCOL);
    }

    private static String id(String step) {
        if (!STEPS.contains(step)) {
            throw new IllegalArgumentException("not a declared step: " + step);
        }
        return ID_PREFIX + step;
    }

}
