package nl.eindtoets.gateway.mandate;

import java.util.Objects;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import nl.eindtoets.gateway.identity.RequestIdentity;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link MandateCheck} for an inbound request, on the {@link RequestIdentity} the identity stage left on
 * the exchange. Without an identity the chain is misassembled, so the request is refused rather than let through.
 * Place it after the identity interceptor ({@link #addAfter(String)}) when both share a phase.
 */
public final class MandateInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(MandateInterceptor.class);

    private final MandateCheck check;

    public MandateInterceptor(MandateCheck check) {
        super(Phase.USER_PROTOCOL);
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public void handleMessage(Message message) {
        RequestIdentity identity = message.getExchange() == null
                ? null : message.getExchange().get(RequestIdentity.class);
        if (identity == null) {
            LOG.error("no RequestIdentity on the exchange before the mandate check; refusing the request");
            throw new GatewayFault(FaultCode.INTERNE_FOUT);
        }
        check.check(identity);
    }
}
