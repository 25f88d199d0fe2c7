package nl.eindtoets.gateway.lassim;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;

/**
 * Trusts a server whose certificate chains to the dev roots (PKIX) and carries the expected OIN, instead of matching
 * the host name: the LAS certificates of certs-dev name {@code las-a.dev.invalid}, not the loopback address the
 * tests connect to. The JDK HttpClient always asks for host name checks; an extended trust manager decides them.
 */
final class ServerOinTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager pkix;
    private final Oin expected;

    ServerOinTrustManager(X509TrustManager pkix, Oin expected) {
        this.pkix = pkix;
        this.expected = expected;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        Oin oin = CertificateOin.of(chain[0]).orElseThrow(() -> new CertificateException("server certificate has no OIN"));
        if (!oin.equals(expected)) {
            throw new CertificateException("server OIN " + oin.value() + " is not the expected " + expected.value());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
