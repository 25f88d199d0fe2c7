package nl.eindtoets.gateway.soap;

import javax.xml.parsers.ParserConfigurationException;
import nl.eindtoets.gateway.identity.RequestIdentity;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns whatever failed into the contract's fault: faultcode, Dutch faultstring and a {@code gw:foutdetail} with the
 * Digikoppeling number and the correlation id; and writes the one log line that ties them to the request.
 */
public final class FaultRenderingInterceptor extends AbstractPhaseInterceptor<Message> {

    public static final String GW_NS = "urn:eindtoets-gateway:1";
    private static final Logger LOG = LoggerFactory.getLogger(FaultRenderingInterceptor.class);

    public FaultRenderingInterceptor() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        Exception failure = message.getContent(Exception.class);
        if (failure == null) {
            return;
        }
        WireFault wire = FaultMapper.map(failure);
        String correlationId = Correlation.of(message.getExchange());
        RequestIdentity who = message.getExchange().get(RequestIdentity.class);
        if (wire.code().getLocalPart().startsWith("Server.InterneFout")) {
            LOG.error("request failed: correlationId={} code={} messageId={}", correlationId, wire.code().getLocalPart(),
                    who == null ? "-" : who.messageId(), failure);
        } else {
            LOG.warn("request refused: correlationId={} code={} digikoppeling={} signer={} school={} messageId={} reason={}",
                    correlationId, wire.code().getLocalPart(), wire.digikoppelingCode(),
                    who == null ? "-" : who.signerOin(), who == null ? "-" : who.schoolOin(),
                    who == null ? "-" : who.messageId(), wire.logReason());
        }
        SoapFault fault = new SoapFault(wire.text(), wire.code());
        fault.setDetail(detail(wire.digikoppelingCode(), correlationId));
        fault.setStatusCode(wire.httpStatus());
        // The fault chain took its HTTP status from the original exception; the mapped one (503 for 0051) wins.
        message.put(Message.RESPONSE_CODE, wire.httpStatus());
        message.setContent(Exception.class, fault);
        message.getExchange().put(WireFault.class, wire);
    }

    private static Element detail(String digikoppelingCode, String correlationId) {
        try {
            Document doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            Element detail = doc.createElementNS(null, "detail");
            Element fout = doc.createElementNS(GW_NS, "gw:foutdetail");
            if (digikoppelingCode != null) {
                Element code = doc.createElementNS(GW_NS, "gw:digikoppelingcode");
                code.setTextContent(digikoppelingCode);
                fout.appendChild(code);
            }
            Element id = doc.createElementNS(GW_NS, "gw:correlatieid");
            id.setTextContent(correlationId);
            fout.appendChild(id);
            detail.appendChild(fout);
            doc.appendChild(detail);
            return detail;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
