package nl.eindtoets.gateway.security;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import nl.eindtoets.gateway.request.RequestDocument;
import nl.eindtoets.gateway.request.VerifiedSignature;
import org.apache.wss4j.common.token.BinarySecurity;
import org.apache.wss4j.common.token.X509Security;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.str.STRParser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a 2W-be-S signature must cover (Digikoppeling WB004): the SOAP Body, the Timestamp and every WS-Addressing
 * header, each by its own reference, with one signature made with an X509v3 BinarySecurityToken by direct reference.
 *
 * <p>Coverage is decided by node identity: the elements the signature protects must be the very Body, Timestamp and
 * header elements that the rest of the chain reads. A signed copy moved elsewhere (signature wrapping) leaves the
 * real element unprotected and is refused. Also bounds the Timestamp's lifetime, which WSS4J does not.
 */
final class SignatureCoverage {

    static final String WSA_NS = WssNames.WSA;

    private final Duration maxLifetime;

    SignatureCoverage(Duration maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    /** The verified signature of {@code request}, when WSS4J's {@code result} covers what the profile requires. */
    VerifiedSignature check(WSHandlerResult result, RequestDocument request) {
        List<WSHandlerResult> handlerResults = List.of(result);
        WSSecurityEngineResult signature = single(handlerResults, WSConstants.SIGN);
        WSSecurityEngineResult timestampResult = single(handlerResults, WSConstants.TS);

        if (signature.get(WSSecurityEngineResult.TAG_X509_REFERENCE_TYPE) != STRParser.REFERENCE_TYPE.DIRECT_REF
                || !(signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE) instanceof X509Certificate signer)) {
            throw failure(SecurityCheck.INVALID_SECURITY,
                    "signing certificate not given as a BinarySecurityToken by direct reference");
        }
        requireX509v3Token(handlerResults);

        Set<Node> protectedNodes = Collections.newSetFromMap(new IdentityHashMap<>());
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        for (WSDataRef ref : refs) {
            protectedNodes.add(ref.getProtectedElement());
        }

        Timestamp timestamp = (Timestamp) timestampResult.get(WSSecurityEngineResult.TAG_TIMESTAMP);
        requireProfileParts(protectedNodes, timestamp.getElement(), request);

        Instant created = timestamp.getCreated();
        Instant expires = timestamp.getExpires();
        if (expires != null && Duration.between(created, expires).compareTo(maxLifetime) > 0) {
            throw failure(SecurityCheck.INVALID_SECURITY, "Timestamp lifetime exceeds the maximum");
        }
        byte[] value = (byte[]) signature.get(WSSecurityEngineResult.TAG_SIGNATURE_VALUE);
        return new VerifiedSignature(signer, Base64.getEncoder().encodeToString(value), created, expires);
    }

    private static WSSecurityEngineResult single(List<WSHandlerResult> handlerResults, int action) {
        WSSecurityEngineResult found = null;
        int count = 0;
        for (WSHandlerResult hr : handlerResults) {
            List<WSSecurityEngineResult> list = hr.getActionResults().get(action);
            if (list != null) {
                count += list.size();
                if (!list.isEmpty()) {
                    found = list.get(0);
                }
            }
        }
        if (count != 1) {
            throw failure(SecurityCheck.INVALID_SECURITY,
                    "expected exactly one " + (action == WSConstants.SIGN ? "Signature" : "Timestamp") + ", got " + count);
        }
        return found;
    }

    private static void requireX509v3Token(List<WSHandlerResult> handlerResults) {
        for (WSHandlerResult hr : handlerResults) {
            for (WSSecurityEngineResult r : hr.getResults()) {
                Object token = r.get(WSSecurityEngineResult.TAG_BINARY_SECURITY_TOKEN);
                if (token instanceof BinarySecurity bst && !(token instanceof X509Security)) {
                    throw failure(SecurityCheck.INVALID_SECURITY,
                            "BinarySecurityToken is not X509v3: " + bst.getValueType());
                }
            }
        }
    }

    /**
     * Refuses with {@code wsse:FailedCheck} unless {@code protectedNodes} holds the request's very Body, the very
     * {@code timestamp} element and every WS-Addressing header block.
     */
    static void requireProfileParts(Set<Node> protectedNodes, Element timestamp, RequestDocument request) {
        requireCovered(protectedNodes, request.body(), "Body");
        requireCovered(protectedNodes, timestamp, "Timestamp");
        Element header = request.header();
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && WSA_NS.equals(n.getNamespaceURI())) {
                requireCovered(protectedNodes, n, "wsa:" + n.getLocalName());
            }
        }
    }

    private static void requireCovered(Set<Node> protectedNodes, Node element, String what) {
        if (element == null || !protectedNodes.contains(element)) {
            throw failure(SecurityCheck.FAILED_CHECK, what + " is not covered by the signature");
        }
    }

    private static GatewayFault failure(SecurityCheck check, String reason) {
        return GatewayFault.security(check, reason);
    }
}
