package nl.eindtoets.gateway.push;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.CertificateChainValidator;

/**
 * Decides whether the server at the other end of a push is the LAS the result is meant for: its certificate must
 * chain to the gateway's trust store, be valid and unrevoked by the configured CRLs (the same rules as LAS client
 * certificates), be meant for TLS servers when it lists key purposes, and carry the expected LAS OIN as subject
 * serialNumber. The LAS is identified by organisation, not by host name: a PKIoverheid services certificate names
 * the organisation in its OIN, while the host of a LAS endpoint is whatever its vendor registered (and the
 * development certificates name only {@code *.dev.invalid}); the HTTP client's host-name check is therefore left to
 * this manager, which does the OIN check instead.
 */
final class LasServerTrustManager extends X509ExtendedTrustManager {

    private static final String KP_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private final Supplier<CertificateChainValidator> validator;
    private final Oin expected;

    LasServerTrustManager(Supplier<CertificateChainValidator> validator, Oin expected) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the LAS presented no certificate");
        }
        validator.get().validate(Arrays.asList(chain));
        List<String> eku = chain[0].getExtendedKeyUsage();
        if (eku != null && !eku.contains(KP_SERVER_AUTH)) {
            throw new CertificateException("the LAS certificate is not for TLS servers");
        }
        Oin oin = CertificateOin.of(chain[0])
                .orElseThrow(() -> new CertificateException("the LAS certificate carries no OIN"));
        if (!oin.equals(expected)) {
            throw new CertificateException("LAS certificate OIN " + oin.value() + " is not the expected "
                    + expected.value());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only judges LAS servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return validator.get().trust().anchorCertificates();
    }
}
