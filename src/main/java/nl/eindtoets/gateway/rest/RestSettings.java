package nl.eindtoets.gateway.rest;

import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * The REST front door's configuration (keys {@code rest.*}, documented in gateway-defaults.properties and
 * docs/rest.md). It shares the port, TLS, trust, limits and mandate register of the SOAP endpoints.
 *
 * @param basePath         where the front door lives, e.g. {@code /doorstroomtoets}; no trailing slash
 * @param serviceNamespace the OSR service whose mandate the sender must hold
 * @param retryAfterSeconds what a 503 answer asks the sender to wait
 */
public record RestSettings(boolean enabled, String basePath, String serviceNamespace, int retryAfterSeconds) {

    public RestSettings {
        if (!basePath.startsWith("/") || basePath.length() < 2 || basePath.endsWith("/")) {
            throw new IllegalStateException("rest.base-path must start with / and not end with one, not " + basePath);
        }
    }

    public static RestSettings from(GatewayConfig config) {
        return new RestSettings(config.bool("rest.enabled"), config.string("rest.base-path"),
                config.string("rest.mandate.service-namespace"), config.integer("rest.retry-after"));
    }
}
