package nl.eindtoets.gateway.chain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in the fault chain, so that it is unwound last: when anything later in that chain fails (rendering,
 * addressing, signing, writing), it writes the refusal as a plain unsigned SOAP fault with HTTP 500 instead of
 * leaving the client an empty answer. The envelope is built from text alone; nothing here can fail but the socket.
 */
final class LastResortFault extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(LastResortFault.class);

    private final String operation;

    LastResortFault(String operation) {
        super(Phase.SETUP);
        this.operation = operation;
    }

    @Override
    public void handleMessage(Message message) {
        // Nothing to do on the way in; this step matters only when the fault chain unwinds.
    }

    @Override
    public void handleFault(Message message) {
        GatewayRequest request = GatewayRequests.orOpen(message, operation);
        Refusal refusal = request.refusalOrNull();
        if (refusal == null) {
            refusal = new Refusal.Internal("the fault chain failed before the refusal was known");
            request.refused(refusal);
        }
        LOG.error("fault not rendered normally, sent as a plain fault: correlationId={} code={} reason={}",
                request.correlationId(), refusal.codeName(), String.valueOf(message.getContent(Exception.class)));
        OutputStream out = message.getContent(OutputStream.class);
        if (out == null) {
            return;
        }
        message.put(Message.RESPONSE_CODE, 500);
        message.put(Message.CONTENT_TYPE, "text/xml; charset=UTF-8");
        try {
            out.write(PlainFault.envelope(refusal, request.correlationId()).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            LOG.warn("plain fault not sent: correlationId={} reason={}", request.correlationId(), e.toString());
        }
    }
}
