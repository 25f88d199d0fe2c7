package nl.eindtoets.gateway.security;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS trust decisions for the gateway's server socket: client certificates must pass the same chain, validity and
 * revocation rules as message signers. The validator is looked up per handshake so a reloaded trust store or CRL
 * takes effect without restarting the listener.
 */
public final class ClientCertificateTrustManager implements X509TrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCertificateTrustManager.class);

    private final Supplier<CertificateChainValidator> validator;

    public ClientCertificateTrustManager(Supplier<CertificateChainValidator> validator) {
        this.validator = validator;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            validator.get().validateTlsClient(Arrays.asList(chain));
        } catch (CertificateException e) {
            LOG.warn("TLS client certificate refused: subject={} reason={}",
                    chain.length > 0 ? chain[0].getSubjectX500Principal() : "-", e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only judges client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return validator.get().trust().anchorCertificates();
    }
}
