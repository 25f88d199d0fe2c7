package nl.eindtoets.gateway.push;

import java.time.Clock;
import java.util.List;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.mandate.MandateSettings;
import nl.eindtoets.gateway.mandate.OsrConnection;
import nl.eindtoets.gateway.store.Database;

/**
 * Builds the configured {@link LasEndpoints}: the endpoint set through the back office first (an operator's
 * override), then, only when {@code mandate.register=osr}, the OSR endpoint API (cached per
 * {@code las-endpoints.osr.*}) under the REST service's {@code rest.mandate.service-namespace}.
 */
public final class LasEndpointSources {

    private LasEndpointSources() {
    }

    public static LasEndpoints fromConfig(GatewayConfig config, Database database, Clock clock) {
        ConfiguredLasEndpoints configured = new ConfiguredLasEndpoints(database, clock);
        MandateSettings mandate = MandateSettings.from(config);
        if (mandate.register() != MandateSettings.RegisterKind.OSR) {
            return configured;
        }
        LasEndpoints osr = new CachingLasEndpoints(
                new OsrLasEndpoints(OsrConnection.fromSettings(mandate),
                        config.string("rest.mandate.service-namespace"), clock),
                config.duration("las-endpoints.osr.positive-ttl"),
                config.duration("las-endpoints.osr.negative-ttl"),
                config.longValue("las-endpoints.osr.cache-maximum-size"),
                clock);
        return new FirstFoundLasEndpoints(List.of(configured, osr));
    }
}
