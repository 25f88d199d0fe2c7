package nl.eindtoets.gateway.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nl.eindtoets.gateway.config.GatewayConfig;

/** The WS-Security and trust settings of the gateway, read from {@link GatewayConfig}. */
public record SecuritySettings(
        Path keystore, char[] keystorePassword, String keyAlias,
        Path truststore, char[] truststorePassword, List<Path> crlFiles,
        Duration timestampTtl, Duration timestampFutureSkew, Duration timestampMaxLifetime) {

    public static SecuritySettings from(GatewayConfig config) {
        String crls = config.optional("trust.crl.files");
        List<Path> crlFiles = crls == null ? List.of()
                : Arrays.stream(crls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new SecuritySettings(
                config.path("gateway.keystore"), config.secret("gateway.keystore.password"),
                config.string("gateway.key.alias"),
                config.path("trust.truststore"), config.secret("trust.truststore.password"), crlFiles,
                config.duration("wss.timestamp.ttl"), config.duration("wss.timestamp.future-skew"),
                config.duration("wss.timestamp.max-lifetime"));
    }
}
