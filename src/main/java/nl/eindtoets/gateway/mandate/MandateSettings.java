package nl.eindtoets.gateway.mandate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * The mandate stage's configuration (keys {@code mandate.*} and {@code osr.*}; the OSR connection also uses the
 * gateway's own key and trust store). Documented in gateway-defaults.properties and docs/mandate.md.
 *
 * @param embeddedFile mandates file of the embedded register; null = the built-in development mandates
 */
public record MandateSettings(RegisterKind register, String serviceNamespace, Path embeddedFile,
                              Duration positiveTtl, Duration negativeTtl, Duration staleIfError,
                              long cacheMaximumSize, URI osrBaseUrl, Duration osrConnectTimeout,
                              Duration osrReadTimeout, Path keystore, char[] keystorePassword, String keyAlias,
                              Path truststore, char[] truststorePassword) {

    /** Which register answers mandate queries. */
    public enum RegisterKind { EMBEDDED, OSR }

    public static MandateSettings from(GatewayConfig config) {
        String embedded = config.optional("mandate.embedded.file");
        return new MandateSettings(
                kind(config.string("mandate.register")),
                config.string("mandate.service-namespace"),
                embedded == null ? null : Path.of(embedded),
                config.duration("mandate.cache.positive-ttl"),
                config.duration("mandate.cache.negative-ttl"),
                config.duration("mandate.cache.stale-if-error"),
                config.longValue("mandate.cache.maximum-size"),
                URI.create(config.string("osr.base-url")),
                config.duration("osr.connect-timeout"),
                config.duration("osr.read-timeout"),
                config.path("gateway.keystore"),
                config.secret("gateway.keystore.password"),
                config.optional("gateway.key.alias"),
                config.path("trust.truststore"),
                config.secret("trust.truststore.password"));
    }

    private static RegisterKind kind(String value) {
        try {
            return RegisterKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mandate.register must be embedded or osr, not " + value, e);
        }
    }
}
