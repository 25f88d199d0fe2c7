package nl.eindtoets.gateway.validation;

import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The schema stage, after the mandate check: the Body must hold exactly one element (WW003), valid under the
 * contract schema; it becomes the request's validated payload.
 */
public final class SchemaStage implements Stage {

    private final BodyValidator validator;

    public SchemaStage(BodyValidator validator) {
        this.validator = validator;
    }

    @Override
    public void apply(GatewayRequest request) {
        Element payload = null;
        Node body = request.document().body();
        for (Node n = body == null ? null : body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (payload != null) {
                    throw invalid("De SOAP Body moet precies een element bevatten.");
                }
                payload = (Element) n;
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw invalid("De SOAP Body bevat losse tekst.");
            }
        }
        if (payload == null) {
            throw invalid("De SOAP Body is leeg.");
        }
        validator.validate(payload);
        request.validated(payload);
    }

    private static GatewayFault invalid(String text) {
        return new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0001", text, null);
    }
}
