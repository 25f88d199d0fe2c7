package nl.eindtoets.gateway.client;

import java.security.cert.X509Certificate;
import java.util.Objects;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;

/**
 * A signed request envelope and what its response must echo: the SignatureValue (in {@code SignatureConfirmation})
 * and the MessageID (in {@code wsa:RelatesTo}). The MessageID is null when the request was built without one.
 */
public record SignedRequest(Document document, String signatureValue, String messageId, X509Certificate signer) {

    public SignedRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(signatureValue, "signatureValue");
    }

    /** The envelope as sent on the wire; serialised as-is, never reformatted. */
    public byte[] toBytes() {
        return SecureXml.toBytes(document);
    }
}
