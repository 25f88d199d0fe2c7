package nl.eindtoets.gateway.client;

import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP 1.1 fault from the gateway.
 *
 * @param faultCode         faultcode with its prefix resolved, e.g. {@code {http://schemas.xmlsoap.org/soap/envelope/}Client.AutorisatieOngeldig}
 * @param faultString       the (Dutch) faultstring
 * @param digikoppelingCode {@code foutdetail/digikoppelingcode}, or null
 * @param correlationId     {@code foutdetail/correlatieid}, or null
 * @param verification      present when the fault was signed; then it has been verified like any response
 */
public record SoapFaultInfo(QName faultCode, String faultString, String digikoppelingCode, String correlationId,
                            Optional<VerifiedResponse> verification) implements GatewayResponse {

    /** Whether the fault came signed (and passed verification). Faults for requests that failed WS-Security are not. */
    public boolean signed() {
        return verification.isPresent();
    }

    /** faultcode as written by a person: {@code Client.AutorisatieOngeldig} or {@code wsse:FailedCheck}. */
    public String faultCodeDisplay() {
        return Namespaces.SOAP11.equals(faultCode.getNamespaceURI())
                ? faultCode.getLocalPart()
                : (faultCode.getPrefix().isEmpty() ? faultCode.toString()
                        : faultCode.getPrefix() + ":" + faultCode.getLocalPart());
    }
}
