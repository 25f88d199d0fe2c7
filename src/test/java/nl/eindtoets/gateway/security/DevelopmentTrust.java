package nl.eindtoets.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.eindtoets.gateway.config.GatewayConfig;

/** The gateway's default security settings and certs-dev's trust, for the WS-Security stages on their own. */
final class DevelopmentTrust {

    static final SecuritySettings SETTINGS = SecuritySettings.from(GatewayConfig.defaults(Map.of()));

    private DevelopmentTrust() {
    }

    /** certs-dev's trust store and CRLs, remembering no chain: every request is judged afresh. */
    static CertificateChainValidator validator() {
        return new CertificateChainValidator(TrustMaterial.load(SETTINGS.truststore(), SETTINGS.truststorePassword(),
                SETTINGS.crlFiles()), Clock.systemUTC(), Duration.ZERO);
    }
}
