package nl.eindtoets.gateway.transport;

import java.time.Duration;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * Where and how the gateway listens.
 *
 * @param idleTimeout        a connection that sends or receives nothing for this long is closed (slow clients)
 * @param minRequestDataRate bytes per second a request body must at least arrive at; 0 = no minimum
 */
public record TransportSettings(String host, int port, String publicUrl, long maxMessageSize, int maxElementDepth,
                                long maxElementCount, Duration idleTimeout, long minRequestDataRate) {

    public static TransportSettings from(GatewayConfig config) {
        String publicUrl = config.string("server.public-url");
        return new TransportSettings(config.string("server.host"), config.integer("server.port"),
                publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl,
                config.longValue("limits.max-message-size"), config.integer("limits.max-element-depth"),
                config.longValue("limits.max-element-count"), config.duration("server.idle-timeout"),
                config.longValue("server.min-request-data-rate"));
    }
}
