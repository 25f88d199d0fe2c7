package nl.eindtoets.gateway.transport;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.ClientCertificateTrustManager;
import nl.eindtoets.gateway.security.Keystores;
import nl.eindtoets.gateway.security.SecuritySettings;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;

/**
 * Step 1 of the chain: TLS 1.2 or 1.3 only (Digikoppeling WT001-WT003), the gateway's own certificate, and a client
 * certificate that is required and judged by {@link ClientCertificateTrustManager}.
 */
public final class MutualTls {

    private MutualTls() {
    }

    public static TLSServerParameters serverParameters(SecuritySettings settings,
                                                       Supplier<CertificateChainValidator> validator) {
        try {
            KeyStore keyStore = Keystores.load(settings.keystore(), settings.keystorePassword());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, settings.keystorePassword());
            TLSServerParameters tls = new TLSServerParameters();
            tls.setKeyManagers(kmf.getKeyManagers());
            tls.setTrustManagers(new TrustManager[] {new ClientCertificateTrustManager(validator)});
            ClientAuthentication clientAuth = new ClientAuthentication();
            clientAuth.setWant(true);
            clientAuth.setRequired(true);
            tls.setClientAuthentication(clientAuth);
            tls.setSecureSocketProtocol("TLS");
            tls.setIncludeProtocols(List.of("TLSv1.3", "TLSv1.2"));
            tls.setExcludeProtocols(List.of("SSLv3", "TLSv1", "TLSv1.1"));
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
