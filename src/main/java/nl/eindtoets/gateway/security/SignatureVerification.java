package nl.eindtoets.gateway.security;

import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestDocument;
import nl.eindtoets.gateway.request.Stage;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.SignatureConfirmation;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.w3c.dom.Element;

/**
 * The WS-Security stage: the WS-Security header of a 2W-be-S request, processed by WSS4J on the request's one DOM
 * ({@link RequestDocument}). WSS4J checks that a Timestamp and a Signature are present, the Timestamp is fresh (TTL
 * and future skew from configuration, strict), the signature verifies with the BinarySecurityToken's key under the
 * allowed algorithms ({@link SignatureAlgorithms}), BSP rules hold, and the signer certificate passes the gateway's
 * chain rules ({@link SignerTrustValidator}). References resolve only among the places the profile signs
 * ({@link ProfileIdLookup}). Then {@link SignatureCoverage} decides what the signature covers and bounds the
 * Timestamp's lifetime; the outcome is the request's {@link nl.eindtoets.gateway.request.VerifiedSignature}. Every
 * failure is a {@link Refusal.Security}; WSS4J's own message goes to the log only.
 */
public final class SignatureVerification implements Stage {

    private final WSSConfig config;
    private final Crypto verificationCrypto;
    private final AlgorithmSuite algorithms = SignatureAlgorithms.inboundSuite();
    private final int ttlSeconds;
    private final int futureTtlSeconds;

    private final SignatureCoverage coverage;

    public SignatureVerification(SecuritySettings settings, Crypto verificationCrypto,
                                 Supplier<CertificateChainValidator> chainValidator) {
        this.coverage = new SignatureCoverage(settings.timestampMaxLifetime());
        this.verificationCrypto = verificationCrypto;
        this.ttlSeconds = (int) settings.timestampTtl().toSeconds();
        this.futureTtlSeconds = (int) settings.timestampFutureSkew().toSeconds();
        this.config = WSSConfig.getNewInstance();
        config.setValidator(WSConstants.SIGNATURE, new SignerTrustValidator(chainValidator));
    }

    @Override
    public void apply(GatewayRequest gatewayRequest) {
        RequestDocument request = gatewayRequest.document();
        WSHandlerResult result;
        try {
            Element header = request.header();
            Element security = header == null ? null : WSSecurityUtil.getSecurityHeader(header, null, false);
            WSSecurityEngine engine = new WSSecurityEngine();
            engine.setWssConfig(config);
            engine.setCallbackLookup(new ProfileIdLookup(header, security, request.body()));
            result = engine.processSecurityHeader(security, requestData(gatewayRequest));
            refuseUnexpectedSignatureConfirmation(result);
            requireTimestampAndSignature(result.getResults());
        } catch (WSSecurityException e) {
            throw new GatewayFault(new Refusal.Security(Refusal.SecurityCheck.of(e.getFaultCode()), e.getMessage()), e);
        } catch (GatewayFault e) {
            throw e;
        } catch (RuntimeException e) {
            // WSS4J lets some malformed input escape as it is: the base64 decoder's complaint about a token, a
            // comment inside Created (ClassCastException). The header is what is wrong, not the gateway.
            throw new GatewayFault(new Refusal.Security(Refusal.SecurityCheck.INVALID_SECURITY, String.valueOf(e)), e);
        }
        gatewayRequest.signatureVerified(coverage.check(result, request));
    }

    private RequestData requestData(GatewayRequest request) {
        RequestData data = new RequestData();
        data.setWssConfig(config);
        data.setMsgContext(request);
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
        List<? extends Certificate> peer = request.transport().tlsChain();
        if (!peer.isEmpty()) {
            data.setTlsCerts(peer.toArray(Certificate[]::new));
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
