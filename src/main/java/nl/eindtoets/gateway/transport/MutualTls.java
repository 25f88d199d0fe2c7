package nl.eindtoets.gateway.transport;

import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.ClientCertificateTrustManager;
import nl.eindtoets.gateway.security.GatewayKey;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;

/**
 * The first check a request meets: TLS 1.2 or 1.3 only (Digikoppeling WT001-WT003), the gateway's current certificate
 * ({@link GatewayKey}, replaceable while running), and a client certificate that is required and judged by
 * {@link ClientCertificateTrustManager} against the current trust material.
 */
public final class MutualTls {

    private MutualTls() {
    }

    public static TLSServerParameters serverParameters(GatewayKey key, Supplier<CertificateChainValidator> validator) {
        {
            TLSServerParameters tls = new TLSServerParameters();
            tls.setKeyManagers(new KeyManager[] {key.keyManager()});
            tls.setTrustManagers(new TrustManager[] {new ClientCertificateTrustManager(validator)});
            ClientAuthentication clientAuth = new ClientAuthentication();
            clientAuth.setWant(true);
            clientAuth.setRequired(true);
            tls.setClientAuthentication(clientAuth);
            tls.setSecureSocketProtocol("TLS");
            tls.setIncludeProtocols(List.of("TLSv1.3", "TLSv1.2"));
            tls.setExcludeProtocols(List.of("SSLv3", "TLSv1", "TLSv1.1"));
            return tls;
        }
    }
}
