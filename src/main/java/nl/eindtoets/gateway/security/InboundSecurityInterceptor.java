package nl.eindtoets.gateway.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * Step 2 of the chain: the WS-Security header of a 2W-be-S request. WSS4J checks that a Timestamp and a Signature are
 * present, the Timestamp is fresh (TTL and future skew from configuration), the signature verifies with the
 * BinarySecurityToken's key under the allowed algorithms ({@link SignatureAlgorithms}), BSP rules hold, and the signer
 * certificate passes the gateway's chain rules ({@link SignerTrustValidator}). What the signature must cover, replay,
 * and the lifetime bound are checked by the interceptors that follow.
 */
public final class InboundSecurityInterceptor extends WSS4JInInterceptor {

    private static final String SIG_VER_CRYPTO = "eindtoets.signatureVerificationCrypto";

    public InboundSecurityInterceptor(SecuritySettings settings, Crypto verificationCrypto,
                                      Supplier<CertificateChainValidator> chainValidator) {
        super(properties(settings, verificationCrypto, chainValidator));
    }

    private static Map<String, Object> properties(SecuritySettings settings, Crypto verificationCrypto,
                                                  Supplier<CertificateChainValidator> chainValidator) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, SIG_VER_CRYPTO);
        p.put(SIG_VER_CRYPTO, verificationCrypto);
        p.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(settings.timestampTtl().toSeconds()));
        p.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, String.valueOf(settings.timestampFutureSkew().toSeconds()));
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        p.put(ConfigurationConstants.IS_BSP_COMPLIANT, "true");
        p.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "true");
        // Chain and revocation are judged by SignerTrustValidator, not by WSS4J's Merlin path check.
        p.put(ConfigurationConstants.ENABLE_REVOCATION, "false");
        // Faults carry the WS-Security fault code; the fault renderer replaces WSS4J's text with a neutral one.
        p.put(SecurityConstants.RETURN_SECURITY_ERROR, "true");
        Map<QName, Object> validators = new HashMap<>();
        validators.put(WSConstants.SIGNATURE, new SignerTrustValidator(chainValidator));
        p.put(VALIDATOR_MAP, validators);
        return p;
    }

    @Override
    protected void setAlgorithmSuites(SoapMessage message, RequestData data) throws WSSecurityException {
        data.setAlgorithmSuite(SignatureAlgorithms.inboundSuite());
    }
}
