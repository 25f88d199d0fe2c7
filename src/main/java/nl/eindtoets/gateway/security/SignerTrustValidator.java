package nl.eindtoets.gateway.security;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.validate.Credential;
import org.apache.wss4j.dom.validate.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WSS4J trust decision for the certificate that signed a request. Replaces WSS4J's default (which treats every
 * trust-store entry as an anchor) with the gateway's own chain rules, so TLS and WS-Security judge alike. Only
 * X.509 certificates are acceptable signing credentials: a bare public key (KeyValue) has no identity.
 */
public final class SignerTrustValidator implements Validator {

    private static final Logger LOG = LoggerFactory.getLogger(SignerTrustValidator.class);

    private final Supplier<CertificateChainValidator> validator;

    public SignerTrustValidator(Supplier<CertificateChainValidator> validator) {
        this.validator = validator;
    }

    @Override
    public Credential validate(Credential credential, RequestData data) throws WSSecurityException {
        X509Certificate[] certs = credential == null ? null : credential.getCertificates();
        if (certs == null || certs.length == 0 || certs[0] == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.SECURITY_TOKEN_UNAVAILABLE);
        }
        try {
            validator.get().validateSigner(Arrays.asList(certs));
        } catch (CertificateException e) {
            LOG.warn("signing certificate refused: subject={} reason={}",
                    certs[0].getSubjectX500Principal(), e.getMessage());
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION, e);
        }
        return credential;
    }
}
