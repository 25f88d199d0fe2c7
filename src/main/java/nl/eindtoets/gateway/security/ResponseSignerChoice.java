package nl.eindtoets.gateway.security;

import java.util.Locale;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * Which signer signs the answers ({@value #CONFIG_KEY}): {@code lean}, the template signer for the gateway's one
 * answer layout ({@link LeanResponseSigner}, the default), or {@code wss4j}, WSS4J's generic sender actions
 * ({@link ResponseSigner}), kept to compare the two and to switch back should the lean one ever misbehave.
 */
public enum ResponseSignerChoice {
    LEAN, WSS4J;

    public static final String CONFIG_KEY = "wss.response-signer";

    public static ResponseSignerChoice from(GatewayConfig config) {
        String value = config.string(CONFIG_KEY).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "lean" -> LEAN;
            case "wss4j" -> WSS4J;
            default -> throw new IllegalStateException(CONFIG_KEY + " must be lean or wss4j, not " + value);
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
