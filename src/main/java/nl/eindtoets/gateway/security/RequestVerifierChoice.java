package nl.eindtoets.gateway.security;

import java.util.Locale;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * Which stage verifies the requests' WS-Security headers ({@value #CONFIG_KEY}): {@code lean}, the strict verifier
 * of the one 2W-be-S layout ({@link LeanSignatureVerification}, the default), or {@code wss4j}, WSS4J's generic
 * engine with the gateway's profile checks after it ({@link SignatureVerification}), kept to compare the two and to
 * switch back should the lean one ever refuse what it should not. Both refuse with the same fault codes.
 */
public enum RequestVerifierChoice {
    LEAN, WSS4J;

    public static final String CONFIG_KEY = "wss.request-verifier";

    public static RequestVerifierChoice from(GatewayConfig config) {
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
