package nl.eindtoets.gateway.client;

import static nl.eindtoets.gateway.client.Namespaces.GATEWAY;
import static nl.eindtoets.gateway.client.Namespaces.SOAP11;
import static nl.eindtoets.gateway.client.Namespaces.WSA;
import static nl.eindtoets.gateway.client.Namespaces.WSSE11;
import static nl.eindtoets.gateway.client.Namespaces.WSSE;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks a gateway answer as WB013/WB014 require before anything in it is used: the WS-Security header verifies
 * against the trust store with a fresh Timestamp; the signature covers Body, Timestamp, wsa:Action, wsa:MessageID,
 * wsa:RelatesTo and the SignatureConfirmation (established by node identity, so a moved or duplicated element does not
 * pass); the SignatureConfirmation echoes the request's SignatureValue; RelatesTo is the request's MessageID; the
 * signer is the gateway's OIN. Unsigned SOAP faults are returned as faults without these checks (the gateway does not
 * sign faults for requests that failed WS-Security), unsigned non-fault answers are refused.
 */
public final class ResponseVerifier {

    static {
        WSSConfig.init();
    }

    public static final int DEFAULT_TTL_SECONDS = 300;
    public static final int DEFAULT_FUTURE_TTL_SECONDS = 60;

    private final Merlin trust;
    private final Oin expectedSigner;

    /**
     * @param trusted        CA certificates the response signer must chain to
     * @param expectedSigner OIN the response signer's certificate must carry (the gateway's)
     */
    public ResponseVerifier(KeyStore trusted, Oin expectedSigner) {
        Merlin merlin = new Merlin();
        merlin.setTrustStore(Objects.requireNonNull(trusted, "trusted"));
        this.trust = merlin;
        this.expectedSigner = Objects.requireNonNull(expectedSigner, "expectedSigner");
    }

    /** Verifies the answer to {@code request}; {@code expectedAction} (nullable) is the non-fault response Action. */
    public GatewayResponse verify(byte[] response, SignedRequest request, String expectedAction)
            throws ResponseVerificationException {
        Document doc;
        try {
            doc = SecureXml.parse(response);
        } catch (SAXException e) {
            throw new ResponseVerificationException("response is not well-formed XML: " + e.getMessage(), e);
        }
        return verify(doc, request.signatureValue(), request.messageId(), expectedAction);
    }

    public GatewayResponse verify(Document response, String requestSignatureValue, String requestMessageId,
                                  String expectedAction) throws ResponseVerificationException {
        Element envelope = response.getDocumentElement();
        if (!EnvelopeBuilder.isEnvelope(envelope)) {
            throw new ResponseVerificationException("response is not a SOAP 1.1 envelope");
        }
        Element header = onlyChild(envelope, SOAP11, "Header", false);
        Element body = onlyChild(envelope, SOAP11, "Body", true);
        List<Element> bodyChildren = elementChildren(body);
        if (bodyChildren.size() != 1) {
            throw new ResponseVerificationException("soap:Body must hold exactly one element, found "
                    + bodyChildren.size());
        }
        Element payload = bodyChildren.get(0);
        boolean fault = SOAP11.equals(payload.getNamespaceURI()) && "Fault".equals(payload.getLocalName());
        List<Element> securityHeaders = header == null ? List.of() : children(header, WSSE, "Security");

        if (securityHeaders.isEmpty()) {
            if (fault) {
                return faultInfo(payload, Optional.empty());
            }
            throw new ResponseVerificationException("response is not signed (no wsse:Security header)");
        }
        VerifiedResponse verified = verifySigned(envelope, header, body, payload, securityHeaders,
                requestSignatureValue, requestMessageId);
        if (fault) {
            return faultInfo(payload, Optional.of(verified));
        }
        if (expectedAction != null && !expectedAction.equals(verified.action())) {
            throw new ResponseVerificationException("wsa:Action is '" + verified.action() + "', expected '"
                    + expectedAction + "'");
        }
        return verified;
    }

    private VerifiedResponse verifySigned(Element envelope, Element header, Element body, Element payload,
                                          List<Element> securityHeaders, String requestSignatureValue,
                                          String requestMessageId) throws ResponseVerificationException {
        List<String> checks = new ArrayList<>();
        if (securityHeaders.size() != 1) {
            throw new ResponseVerificationException("response has " + securityHeaders.size()
                    + " wsse:Security headers; exactly one expected");
        }
        Element security = securityHeaders.get(0);
        WSHandlerResult result = processSecurityHeader(security);
        checks.add("WS-Security header verified (signature, trusted signer chain, fresh Timestamp)");

        List<WSSecurityEngineResult> signatures = actionResults(result, WSConstants.SIGN);
        if (signatures.size() != 1) {
            throw new ResponseVerificationException("expected exactly one signature, found " + signatures.size());
        }
        WSSecurityEngineResult signature = signatures.get(0);
        List<WSSecurityEngineResult> timestamps = actionResults(result, WSConstants.TS);
        if (timestamps.size() != 1) {
            throw new ResponseVerificationException("expected exactly one wsu:Timestamp, found " + timestamps.size());
        }
        Element timestamp = ((Timestamp) timestamps.get(0).get(WSSecurityEngineResult.TAG_TIMESTAMP)).getElement();
        if (timestamp.getParentNode() != security) {
            throw new ResponseVerificationException("wsu:Timestamp is not in the Security header");
        }

        Set<Element> signed = Collections.newSetFromMap(new IdentityHashMap<>());
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        if (refs != null) {
            refs.forEach(ref -> signed.add(ref.getProtectedElement()));
        }

        Element action = onlyChild(header, WSA, "Action", true);
        Element messageId = onlyChild(header, WSA, "MessageID", true);
        Element relatesTo = onlyChild(header, WSA, "RelatesTo", true);
        List<Element> confirmations = children(security, WSSE11, "SignatureConfirmation");
        if (confirmations.size() != 1) {
            throw new ResponseVerificationException("expected exactly one wsse11:SignatureConfirmation, found "
                    + confirmations.size());
        }
        Element confirmation = confirmations.get(0);

        requireSigned(signed, body, "soap:Body");
        requireSigned(signed, timestamp, "wsu:Timestamp");
        requireSigned(signed, action, "wsa:Action");
        requireSigned(signed, messageId, "wsa:MessageID");
        requireSigned(signed, relatesTo, "wsa:RelatesTo");
        requireSigned(signed, confirmation, "wsse11:SignatureConfirmation");
        checks.add("signature covers Body, Timestamp, Action, MessageID, RelatesTo and SignatureConfirmation");

        byte[] expectedValue = decode(requestSignatureValue, "request SignatureValue");
        String confirmed = confirmation.getAttributeNS(null, "Value");
        if (confirmed.isEmpty() || !Arrays.equals(expectedValue, decode(confirmed, "SignatureConfirmation Value"))) {
            throw new ResponseVerificationException(
                    "SignatureConfirmation Value does not match the request's SignatureValue");
        }
        checks.add("SignatureConfirmation echoes the request SignatureValue");

        String relatesToValue = relatesTo.getTextContent().strip();
        String relationship = relatesTo.getAttributeNS(null, "RelationshipType");
        if (!relationship.isEmpty() && !Namespaces.WSA_REPLY.equals(relationship)) {
            throw new ResponseVerificationException("wsa:RelatesTo RelationshipType is not reply");
        }
        if (requestMessageId == null || !requestMessageId.equals(relatesToValue)) {
            throw new ResponseVerificationException("wsa:RelatesTo '" + relatesToValue
                    + "' does not match the request MessageID '" + requestMessageId + "'");
        }
        checks.add("RelatesTo equals the request MessageID");

        X509Certificate signer = (X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        if (signer == null) {
            throw new ResponseVerificationException("response signature carries no X.509 certificate");
        }
        Oin signerOin = CertificateOin.of(signer).orElseThrow(() -> new ResponseVerificationException(
                "response signer certificate has no OIN in its subject serialNumber"));
        if (!expectedSigner.equals(signerOin)) {
            throw new ResponseVerificationException("response signed by OIN " + signerOin + ", expected "
                    + expectedSigner);
        }
        checks.add("signer OIN is " + signerOin);

        return new VerifiedResponse(payload, action.getTextContent().strip(), messageId.getTextContent().strip(),
                relatesToValue, signer, signerOin, checks);
    }

    private WSHandlerResult processSecurityHeader(Element security) throws ResponseVerificationException {
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(trust);
        data.setTimeStampTTL(DEFAULT_TTL_SECONDS);
        data.setTimeStampFutureTTL(DEFAULT_FUTURE_TTL_SECONDS);
        data.setTimeStampStrict(true);
        data.setAlgorithmSuite(algorithmSuite());
        try {
            WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(security, data);
            if (result == null) {
                throw new ResponseVerificationException("empty wsse:Security header");
            }
            return result;
        } catch (WSSecurityException e) {
            throw new ResponseVerificationException("WS-Security verification failed: " + e.getMessage(), e);
        }
    }

    /** What 2W-be-S allows: RSA with SHA-2, SHA-2 digests, exclusive c14n only. */
    private static AlgorithmSuite algorithmSuite() {
        AlgorithmSuite suite = new AlgorithmSuite();
        suite.addSignatureMethod(SigningOptions.RSA_SHA256);
        suite.addSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384");
        suite.addSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512");
        suite.addDigestAlgorithm(SigningOptions.SHA256);
        suite.addDigestAlgorithm("http://www.w3.org/2001/04/xmldsig-more#sha384");
        suite.addDigestAlgorithm("http://www.w3.org/2001/04/xmlenc#sha512");
        suite.addC14nAlgorithm(SigningOptions.EXC_C14N);
        suite.addTransformAlgorithm(SigningOptions.EXC_C14N);
        suite.setMinimumAsymmetricKeyLength(2048);
        return suite;
    }

    private static List<WSSecurityEngineResult> actionResults(WSHandlerResult result, int action) {
        List<WSSecurityEngineResult> list = result.getActionResults().get(action);
        return list == null ? List.of() : list;
    }

    private static void requireSigned(Set<Element> signed, Element element, String what)
            throws ResponseVerificationException {
        if (!signed.contains(element)) {
            throw new ResponseVerificationException(what + " is not covered by the response signature");
        }
    }

    private static byte[] decode(String base64, String what) throws ResponseVerificationException {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ResponseVerificationException(what + " is not base64");
        }
    }

    private static SoapFaultInfo faultInfo(Element fault, Optional<VerifiedResponse> verification)
            throws ResponseVerificationException {
        Element code = onlyChild(fault, null, "faultcode", true);
        String text = code.getTextContent().strip();
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon);
        String local = text.substring(colon + 1);
        String ns = code.lookupNamespaceURI(prefix.isEmpty() ? null : prefix);
        if (ns == null && !prefix.isEmpty()) {
            throw new ResponseVerificationException("faultcode prefix '" + prefix + "' is not bound");
        }
        QName faultCode = new QName(ns == null ? "" : ns, local, prefix);
        Element faultString = onlyChild(fault, null, "faultstring", false);
        String digikoppeling = null;
        String correlation = null;
        Element detail = onlyChild(fault, null, "detail", false);
        if (detail != null) {
            Element foutdetail = onlyChild(detail, GATEWAY, "foutdetail", false);
            if (foutdetail != null) {
                digikoppeling = textOf(onlyChild(foutdetail, GATEWAY, "digikoppelingcode", false));
                correlation = textOf(onlyChild(foutdetail, GATEWAY, "correlatieid", false));
            }
        }
        return new SoapFaultInfo(faultCode, textOf(faultString), digikoppeling, correlation, verification);
    }

    private static String textOf(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    /** The single child with this name; more than one is an error, none is one only when {@code required}. */
    private static Element onlyChild(Element parent, String ns, String localName, boolean required)
            throws ResponseVerificationException {
        List<Element> found = parent == null ? List.of() : children(parent, ns, localName);
        if (found.size() > 1) {
            throw new ResponseVerificationException("response has " + found.size() + " " + localName
                    + " elements; exactly one expected");
        }
        if (found.isEmpty()) {
            if (required) {
                throw new ResponseVerificationException("response has no " + localName + " element");
            }
            return null;
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        for (Element e : elementChildren(parent)) {
            if (Objects.equals(ns, e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static List<Element> elementChildren(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }
}
