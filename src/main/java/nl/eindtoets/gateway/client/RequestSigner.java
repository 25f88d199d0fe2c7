package nl.eindtoets.gateway.client;

import static nl.eindtoets.gateway.client.Namespaces.SOAP11;
import static nl.eindtoets.gateway.client.Namespaces.WSA;
import static nl.eindtoets.gateway.client.Namespaces.WSU;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.eindtoets.gateway.client.SecurityHeaderLayout.Item;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Adds the 2W-be-S WS-Security header to a request envelope: Timestamp, X509v3 BinarySecurityToken and a signature
 * with exclusive c14n whose references point, one each, at the Body, the Timestamp and every WS-Addressing header.
 * Thread-safe; the input document is not changed.
 */
public final class RequestSigner {

    static {
        WSSConfig.init();
    }

    /** Password of the in-memory keystore that hands the key to WSS4J; never leaves this object. */
    private static final char[] INTERNAL_PASSWORD = UUID.randomUUID().toString().toCharArray();

    private final SigningKey key;
    private final Crypto crypto;

    public RequestSigner(SigningKey key) throws GeneralSecurityException {
        this.key = Objects.requireNonNull(key, "key");
        Merlin merlin = new Merlin();
        merlin.setKeyStore(key.asKeyStore(INTERNAL_PASSWORD));
        this.crypto = merlin;
    }

    public static RequestSigner fromKeystore(KeystoreCredentials credentials)
            throws IOException, GeneralSecurityException {
        return new RequestSigner(credentials.load());
    }

    public SigningKey key() {
        return key;
    }

    public SignedRequest sign(Document envelope) throws WSSecurityException {
        return sign(envelope, SigningOptions.defaults());
    }

    public SignedRequest sign(Document envelope, SigningOptions options) throws WSSecurityException {
        Document doc = (Document) envelope.cloneNode(true);
        Element env = doc.getDocumentElement();
        if (!EnvelopeBuilder.isEnvelope(env)) {
            throw new IllegalArgumentException("not a SOAP 1.1 Envelope");
        }
        WSSecHeader securityHeader = new WSSecHeader(doc);
        securityHeader.insertSecurityHeader();

        Element timestamp = null;
        if (options.includeTimestamp()) {
            WSSecTimestamp ts = new WSSecTimestamp(securityHeader);
            Instant created = options.created();
            if (created != null) {
                ts.setWsTimeSource(() -> created);
            }
            ts.setPrecisionInMilliSeconds(true);
            // WSS4J writes no Expires for a time-to-live of zero.
            ts.setTimeToLive(options.includeExpires() ? (int) options.lifetime().getSeconds() : 0);
            ts.build();
            timestamp = ts.getElement();
        }

        WSSecSignature signature = new WSSecSignature(securityHeader);
        signature.setUserInfo(key.alias(), new String(INTERNAL_PASSWORD));
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(options.signatureAlgorithm());
        signature.setDigestAlgo(options.digestAlgorithm());
        signature.setSigCanonicalization(SigningOptions.EXC_C14N);
        signature.setAddInclusivePrefixes(true);
        signature.getParts().addAll(parts(env, timestamp, options));
        signature.build(crypto);

        arrange(securityHeader.getSecurityHeaderElement(), timestamp, signature, options.layout());

        String signatureValue = Base64.getEncoder().encodeToString(signature.getSignatureValue());
        Element header = EnvelopeBuilder.child(env, SOAP11, "Header");
        Element messageId = header == null ? null : EnvelopeBuilder.child(header, WSA, "MessageID");
        return new SignedRequest(doc, signatureValue, messageId == null ? null : messageId.getTextContent().strip(),
                key.certificate());
    }

    /** One part per element, handed over as the element itself so WSS4J cannot pick a same-named look-alike. */
    private static List<WSEncryptionPart> parts(Element env, Element timestamp, SigningOptions options) {
        Element header = EnvelopeBuilder.child(env, SOAP11, "Header");
        Element body = EnvelopeBuilder.child(env, SOAP11, "Body");
        Map<SignedPart, Element> present = new EnumMap<>(SignedPart.class);
        if (body != null) {
            present.put(SignedPart.BODY, body);
        }
        if (timestamp != null) {
            present.put(SignedPart.TIMESTAMP, timestamp);
        }
        for (SignedPart part : SignedPart.values()) {
            if (part.header() != null && header != null) {
                Element h = EnvelopeBuilder.child(header, WSA, part.header().localName());
                if (h != null) {
                    present.put(part, h);
                }
            }
        }
        List<WSEncryptionPart> result = new ArrayList<>();
        for (SignedPart part : options.parts()) {
            Element element = present.get(part);
            if (element == null) {
                continue;
            }
            String id = element.getAttributeNS(WSU, "Id");
            if (id.isEmpty()) {
                id = part.name().toLowerCase() + "-" + UUID.randomUUID();
                element.setAttributeNS(WSU, "wsu:Id", id);
            }
            WSEncryptionPart p = new WSEncryptionPart(id);
            p.setElement(element);
            result.add(p);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("nothing to sign: none of the requested parts is present");
        }
        return result;
    }

    private static void arrange(Element security, Element timestamp, WSSecSignature signature,
                                SecurityHeaderLayout layout) {
        Map<Item, Element> items = new EnumMap<>(Item.class);
        if (timestamp != null) {
            items.put(Item.TIMESTAMP, timestamp);
        }
        items.put(Item.TOKEN, signature.getBinarySecurityTokenElement());
        items.put(Item.SIGNATURE, signature.getSignatureElement());
        // Re-appending in order moves each element to the end; positions inside the header are not signed.
        for (Item item : layout.order()) {
            Element element = items.get(item);
            if (element != null && element.getParentNode() == security) {
                security.appendChild(element);
            }
        }
    }
}
