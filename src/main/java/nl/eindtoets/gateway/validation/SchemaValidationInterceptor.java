package nl.eindtoets.gateway.validation;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import nl.eindtoets.gateway.soap.RequestDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Step 5 glue: after the mandate check, the Body must hold exactly one element (WW003), valid under the contract
 * schema.
 */
public final class SchemaValidationInterceptor extends AbstractSoapInterceptor {

    private final BodyValidator validator;

    public SchemaValidationInterceptor(BodyValidator validator) {
        super(Phase.POST_PROTOCOL);
        this.validator = validator;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        Element payload = null;
        Node body = RequestDocument.of(message).body();
        for (Node n = body == null ? null : body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (payload != null) {
                    throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0001",
                            "De SOAP Body moet precies een element bevatten.", null);
                }
                payload = (Element) n;
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0001", "De SOAP Body bevat losse tekst.", null);
            }
        }
        if (payload == null) {
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0001", "De SOAP Body is leeg.", null);
        }
        validator.validate(payload);
    }
}
