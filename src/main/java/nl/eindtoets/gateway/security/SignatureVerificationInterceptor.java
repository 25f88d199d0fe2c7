package nl.eindtoets.gateway.security;

import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.soap.RequestDocument;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.SignatureConfirmation;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.w3c.dom.Element;

/**
 * Step 2 of the chain: the WS-Security header of a 2W-be-S request, processed by WSS4J on the request's one DOM
 * ({@link RequestDocument}). WSS4J checks that a Timestamp and a Signature are present, the Timestamp is fresh (TTL
 * and future skew from configuration, strict), the signature verifies with the BinarySecurityToken's key under the
 * allowed algorithms ({@link SignatureAlgorithms}), BSP rules hold, and the signer certificate passes the gateway's
 * chain rules ({@link SignerTrustValidator}). References resolve only among the places the profile signs
 * ({@link ProfileIdLookup}). What the signature must cover, replay, and the lifetime bound are checked by the
 * interceptors that follow; the results are left under {@link WSHandlerConstants#RECV_RESULTS} for them and for the
 * response's SignatureConfirmation.
 */
public final class SignatureVerificationInterceptor extends AbstractSoapInterceptor {

    private static final Set<QName> UNDERSTOOD = Set.of(
            new QName(WSS4JConstants.WSSE_NS, "Security"));

    private final WSSConfig config;
    private final Crypto verificationCrypto;
    private final AlgorithmSuite algorithms = SignatureAlgorithms.inboundSuite();
    private final int ttlSeconds;
    private final int futureTtlSeconds;

    public SignatureVerificationInterceptor(SecuritySettings settings, Crypto verificationCrypto,
                                            Supplier<CertificateChainValidator> chainValidator) {
        super(Phase.PRE_PROTOCOL);
        getAfter().add("org.apache.cxf.ws.addressing.soap.MAPCodec");
        this.verificationCrypto = verificationCrypto;
        this.ttlSeconds = (int) settings.timestampTtl().toSeconds();
        this.futureTtlSeconds = (int) settings.timestampFutureSkew().toSeconds();
        this.config = WSSConfig.getNewInstance();
        config.setValidator(WSConstants.SIGNATURE, new SignerTrustValidator(chainValidator));
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if ("GET".equals(message.get(org.apache.cxf.message.Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        RequestDocument request = RequestDocument.of(message);
        try {
            Element header = request.header();
            Element security = header == null ? null : WSSecurityUtil.getSecurityHeader(header, null, false);
            WSSecurityEngine engine = new WSSecurityEngine();
            engine.setWssConfig(config);
            engine.setCallbackLookup(new ProfileIdLookup(header, security, request.body()));
            WSHandlerResult result = engine.processSecurityHeader(security, requestData(message));
            refuseUnexpectedSignatureConfirmation(result);
            requireTimestampAndSignature(result.getResults());
            List<WSHandlerResult> results = new LinkedList<>();
            results.add(result);
            message.put(WSHandlerConstants.RECV_RESULTS, results);
        } catch (WSSecurityException e) {
            throw new SoapFault(e.getMessage(), e, e.getFaultCode());
        }
    }

    private RequestData requestData(SoapMessage message) {
        RequestData data = new RequestData();
        data.setWssConfig(config);
        data.setMsgContext(message);
        data.setAlgorithmSuite(algorithms);
        data.setSigVerCrypto(verificationCrypto);
        // Chain and revocation are judged by SignerTrustValidator, not by WSS4J's Merlin path check.
        data.setEnableRevocation(false);
        data.setEnableSignatureConfirmation(true);
        data.setTimeStampStrict(true);
        data.setTimeStampTTL(ttlSeconds);
        data.setTimeStampFutureTTL(futureTtlSeconds);
        data.setDisableBSPEnforcement(false);
        // Replay is judged by the gateway's ReplayGuard; no WSS4J replay caches are set.
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        if (peer != null) {
            data.setTlsCerts(peer);
        }
        return data;
    }

    /** A request has no signature of ours to confirm: a SignatureConfirmation with a value is refused. */
    private static void refuseUnexpectedSignatureConfirmation(WSHandlerResult result) throws WSSecurityException {
        List<WSSecurityEngineResult> confirmations = result.getActionResults().get(WSConstants.SC);
        if (confirmations == null) {
            return;
        }
        for (WSSecurityEngineResult r : confirmations) {
            SignatureConfirmation sc = (SignatureConfirmation) r.get(WSSecurityEngineResult.TAG_SIGNATURE_CONFIRMATION);
            if (sc != null && sc.getSignatureValue() != null && sc.getSignatureValue().length != 0) {
                throw new WSSecurityException(WSSecurityException.ErrorCode.INVALID_SECURITY, "empty",
                        new Object[] {"Received a SignatureConfirmation element, but there are no stored signature values"});
            }
        }
    }

    /** Exactly the actions Timestamp and Signature, in any order (tokens and confirmations aside). */
    private static void requireTimestampAndSignature(List<WSSecurityEngineResult> results) throws WSSecurityException {
        List<Integer> expected = new ArrayList<>(List.of(WSConstants.TS, WSConstants.SIGN));
        for (WSSecurityEngineResult r : results) {
            Integer action = (Integer) r.get(WSSecurityEngineResult.TAG_ACTION);
            if (action == null || action == WSConstants.SC || action == WSConstants.BST) {
                continue;
            }
            if (action == WSConstants.ENCR && isEmpty(r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS))) {
                continue;
            }
            if (!expected.remove(action)) {
                throw new WSSecurityException(WSSecurityException.ErrorCode.INVALID_SECURITY);
            }
        }
        if (!expected.isEmpty()) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.INVALID_SECURITY);
        }
    }

    private static boolean isEmpty(Object list) {
        return list == null || (list instanceof List<?> l && l.isEmpty());
    }
}
