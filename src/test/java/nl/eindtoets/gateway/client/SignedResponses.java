package nl.eindtoets.gateway.client;

import static nl.eindtoets.gateway.client.Namespaces.SOAP11;
import static nl.eindtoets.gateway.client.Namespaces.WSA;
import static nl.eindtoets.gateway.client.Namespaces.WSU;
import static nl.eindtoets.gateway.client.Namespaces.XMLNS;

import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecSignatureConfirmation;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds gateway-style signed responses with WSS4J directly, so the verifier can be tested before (and independently
 * of) the gateway: Timestamp, SignatureConfirmation, Action, MessageID, RelatesTo and Body, each signed by its own
 * reference, by default with certs-dev/gateway.p12.
 */
final class SignedResponses {

    enum Part { BODY, TIMESTAMP, ACTION, MESSAGE_ID, RELATES_TO, CONFIRMATION }

    static {
        WSSConfig.init();
    }

    private String signer = "gateway";
    private String action = Operation.BRENG_DEELNEMERS.responseAction();
    private String relatesTo;
    private String confirmedValue;
    private Element payload;
    private Set<Part> signed = EnumSet.allOf(Part.class);

    private SignedResponses() {
    }

    /** A response to {@code request} echoing its MessageID and SignatureValue. */
    static SignedResponses answering(SignedRequest request) throws Exception {
        SignedResponses r = new SignedResponses();
        r.relatesTo = request.messageId();
        r.confirmedValue = request.signatureValue();
        r.payload = Payloads.deelnemersOntvangst();
        return r;
    }

    SignedResponses signedBy(String keystoreName) {
        this.signer = keystoreName;
        return this;
    }

    SignedResponses relatesTo(String value) {
        this.relatesTo = value;
        return this;
    }

    SignedResponses confirming(String signatureValue) {
        this.confirmedValue = signatureValue;
        return this;
    }

    SignedResponses action(String value) {
        this.action = value;
        return this;
    }

    SignedResponses payload(Element element) {
        this.payload = element;
        return this;
    }

    SignedResponses leavingUnsigned(Part part) {
        signed.remove(part);
        return this;
    }

    Document build() throws Exception {
        Document doc = SecureXml.newDocument();
        Element env = doc.createElementNS(SOAP11, "soap:Envelope");
        env.setAttributeNS(XMLNS, "xmlns:soap", SOAP11);
        env.setAttributeNS(XMLNS, "xmlns:wsa", WSA);
        env.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
        doc.appendChild(env);
        Element header = doc.createElementNS(SOAP11, "soap:Header");
        env.appendChild(header);
        Element actionEl = wsa(doc, header, "Action", action);
        Element messageId = wsa(doc, header, "MessageID", "urn:uuid:" + UUID.randomUUID());
        Element relates = wsa(doc, header, "RelatesTo", relatesTo);
        Element body = doc.createElementNS(SOAP11, "soap:Body");
        body.setAttributeNS(WSU, "wsu:Id", "Body-1");
        env.appendChild(body);
        body.appendChild(doc.importNode(payload, true));

        WSSecHeader security = new WSSecHeader(doc);
        security.insertSecurityHeader();
        WSSecSignatureConfirmation confirmation = new WSSecSignatureConfirmation(security);
        confirmation.build(Base64.getDecoder().decode(confirmedValue));
        WSSecTimestamp timestamp = new WSSecTimestamp(security);
        timestamp.setTimeToLive(300);
        timestamp.build();

        SigningKey key = DevCerts.signingKey(signer);
        Merlin crypto = new Merlin();
        crypto.setKeyStore(key.asKeyStore("pw".toCharArray()));
        WSSecSignature signature = new WSSecSignature(security);
        signature.setUserInfo(key.alias(), "pw");
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(SigningOptions.RSA_SHA256);
        signature.setDigestAlgo(SigningOptions.SHA256);
        signature.setSigCanonicalization(SigningOptions.EXC_C14N);
        add(signature, Part.BODY, body);
        add(signature, Part.TIMESTAMP, timestamp.getElement());
        add(signature, Part.ACTION, actionEl);
        add(signature, Part.MESSAGE_ID, messageId);
        add(signature, Part.RELATES_TO, relates);
        add(signature, Part.CONFIRMATION, confirmation.getSignatureConfirmationElement());
        signature.build(crypto);
        return doc;
    }

    byte[] bytes() throws Exception {
        return SecureXml.toBytes(build());
    }

    private void add(WSSecSignature signature, Part part, Element element) {
        if (!signed.contains(part)) {
            return;
        }
        String id = element.getAttributeNS(WSU, "Id");
        WSEncryptionPart p = new WSEncryptionPart(id);
        p.setElement(element);
        signature.getParts().add(p);
    }

    private static Element wsa(Document doc, Element header, String name, String value) {
        Element e = doc.createElementNS(WSA, "wsa:" + name);
        e.setAttributeNS(WSU, "wsu:Id", name + "-1");
        e.setTextContent(value);
        header.appendChild(e);
        return e;
    }

    /** An unsigned fault, as the gateway sends for requests that failed WS-Security. */
    static byte[] unsignedFault(Element fault) {
        Document doc = SecureXml.newDocument();
        Element env = doc.createElementNS(SOAP11, "soap:Envelope");
        env.setAttributeNS(XMLNS, "xmlns:soap", SOAP11);
        doc.appendChild(env);
        Element body = doc.createElementNS(SOAP11, "soap:Body");
        env.appendChild(body);
        body.appendChild(doc.importNode(fault, true));
        return SecureXml.toBytes(doc);
    }
}
