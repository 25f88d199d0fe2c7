package nl.eindtoets.gateway.chain;

import javax.xml.stream.XMLStreamException;
import nl.eindtoets.gateway.edge.MessageTooLargeException;
import nl.eindtoets.gateway.edge.RequestLimits;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;

/**
 * Finds the {@link Refusal} behind whatever failed. Stages refuse with {@link GatewayFault}; what CXF and the
 * parser raise on their own (an envelope that is not SOAP 1.1, XML that is not well-formed, a body that outgrew the
 * limit under the parser) is translated here, the one place that knows those types. Anything else is
 * {@code Server.InterneFout}, with details only in the log.
 */
final class FaultMapper {

    private static final String ENVELOPE_TEXT = "Het bericht is geen geldige SOAP 1.1-envelop.";

    private FaultMapper() {
    }

    static Refusal refusalOf(Throwable failure) {
        // The parser wraps a body that outgrew the limit in its own exceptions: look through them first.
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof MessageTooLargeException tooLarge) {
                Refusal limit = RequestLimits.tooLarge().refusal();
                return new Refusal.Unreadable(limit.text(), limit.httpStatus(), tooLarge.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof GatewayFault g) {
                return g.refusal();
            }
            if (t instanceof SoapFault sf && Soap11.getInstance().getVersionMismatch().equals(sf.getFaultCode())) {
                return new Refusal.VersionMismatch(sf.getMessage());
            }
            if (t instanceof XMLStreamException) {
                return new Refusal.Unreadable(ENVELOPE_TEXT, 500, t.getMessage());
            }
        }
        boolean clientFault = failure instanceof SoapFault sf
                ? Soap11.getInstance().getSender().equals(sf.getFaultCode())
                : failure instanceof Fault f && Fault.FAULT_CODE_CLIENT.equals(f.getFaultCode());
        if (clientFault) {
            return new Refusal.Unreadable(ENVELOPE_TEXT, 500, failure.getMessage());
        }
        return new Refusal.Internal(String.valueOf(failure));
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
