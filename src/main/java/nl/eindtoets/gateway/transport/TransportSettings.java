package nl.eindtoets.gateway.transport;

import nl.eindtoets.gateway.config.GatewayConfig;

/** Where and how the gateway listens. */
public record TransportSettings(String host, int port, String publicUrl, long maxMessageSize, int maxElementDepth,
                                long maxElementCount) {

    public static TransportSettings from(GatewayConfig config) {
        String publicUrl = config.string("server.public-url");
        return new TransportSettings(config.string("server.host"), config.integer("server.port"),
                publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl,
                config.longValue("limits.max-message-size"), config.integer("limits.max-element-depth"),
                config.longValue("limits.max-element-count"));
    }
}
