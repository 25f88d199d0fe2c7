package nl.eindtoets.gateway.soap;

import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import nl.eindtoets.gateway.addressing.AddressingViolation;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import nl.eindtoets.gateway.security.SecurityRuleViolation;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * Decides what the peer is told about a failure (DESIGN.md §2 fault table). Security faults name the class of check
 * that failed with a fixed text, never WSS4J's own message, so the gateway is no oracle; anything unexpected becomes
 * {@code Server.InterneFout} with details only in the log.
 */
public final class FaultMapper {

    public static final String SOAP_ENV = Soap11.SOAP_NAMESPACE;
    private static final String WSSE = WSSecurityException.ErrorCode.INVALID_SECURITY.getQName().getNamespaceURI();

    private static final Map<String, String> SECURITY_TEXTS = Map.of(
            "InvalidSecurity", "De WS-Security-header voldoet niet aan het profiel 2W-be-S.",
            "FailedCheck", "De ondertekening van het bericht is ongeldig of dekt niet alle verplichte onderdelen.",
            "FailedAuthentication", "Het certificaat van de ondertekenaar wordt niet vertrouwd.",
            "MessageExpired", "De Timestamp van het bericht is verlopen of ligt in de toekomst.",
            "SecurityTokenUnavailable", "Het beveiligingstoken van de ondertekenaar ontbreekt.");

    private FaultMapper() {
    }

    public static WireFault map(Throwable failure) {
        // The parser wraps a body that outgrew the limit in its own exceptions: look through them first.
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MessageTooLargeException) {
                return new WireFault(new QName(SOAP_ENV, FaultCode.ONGELDIG_BERICHT.soapLocalName()),
                        "Het bericht is groter dan toegestaan.", "0001", 413, t.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayFault g) {
                return new WireFault(new QName(SOAP_ENV, g.code().soapLocalName()), g.getMessage(),
                        g.digikoppelingCode(), status(g.code()), g.getMessage());
            }
            if (t instanceof AddressingViolation a) {
                return new WireFault(a.code(), a.text(), a.digikoppelingCode(), 500, a.text());
            }
            if (t instanceof SecurityRuleViolation s) {
                return security(s.faultCode(), s.reason());
            }
            if (t instanceof WSSecurityException w) {
                return security(w.getFaultCode(), w.getMessage());
            }
            if (t instanceof HttpStatusFault h) {
                return new WireFault(new QName(SOAP_ENV, FaultCode.ONGELDIG_BERICHT.soapLocalName()), h.text(),
                        "0001", h.status(), h.text());
            }
            if (t instanceof SoapFault sf && sf.getFaultCode() != null
                    && Soap11.getInstance().getVersionMismatch().equals(sf.getFaultCode())) {
                return new WireFault(sf.getFaultCode(), "Alleen SOAP 1.1-berichten worden ondersteund.", "0001", 500,
                        sf.getMessage());
            }
            if (t instanceof XMLStreamException || t instanceof com.ctc.wstx.exc.WstxException) {
                return invalidEnvelope("Het bericht is geen geldige SOAP 1.1-envelop.", t.getMessage());
            }
        }
        if (failure instanceof Fault f && Fault.FAULT_CODE_CLIENT.equals(f.getFaultCode())) {
            return invalidEnvelope("Het bericht is geen geldige SOAP 1.1-envelop.", f.getMessage());
        }
        if (failure instanceof SoapFault sf && Soap11.getInstance().getSender().equals(sf.getFaultCode())) {
            return invalidEnvelope("Het bericht is geen geldige SOAP 1.1-envelop.", sf.getMessage());
        }
        return new WireFault(new QName(SOAP_ENV, FaultCode.INTERNE_FOUT.soapLocalName()),
                FaultCode.INTERNE_FOUT.text(), null, 500, String.valueOf(failure));
    }

    private static WireFault invalidEnvelope(String text, String reason) {
        return new WireFault(new QName(SOAP_ENV, FaultCode.ONGELDIG_BERICHT.soapLocalName()), text, "0001", 500, reason);
    }

    private static WireFault security(QName code, String reason) {
        String local = code != null && WSSE.equals(code.getNamespaceURI()) && SECURITY_TEXTS.containsKey(code.getLocalPart())
                ? code.getLocalPart() : "InvalidSecurity";
        return new WireFault(new QName(WSSE, local), SECURITY_TEXTS.get(local), "0002", 500, reason);
    }

    private static int status(FaultCode code) {
        return code == FaultCode.TIJDELIJK_NIET_BESCHIKBAAR ? 503 : 500;
    }
}
