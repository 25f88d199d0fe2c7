package nl.eindtoets.gateway.security;

import java.util.Locale;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * Which implementation does a piece of the gateway's WS-Security: {@code lean}, the gateway's own code for the one
 * 2W-be-S layout (the default), or {@code wss4j}, WSS4J's generic engine, kept to compare the two and to switch back
 * should the lean one ever misbehave. Chosen per piece: {@value #RESPONSE_SIGNER} picks the answer signer
 * ({@link LeanResponseSigner} or {@link ResponseSigner}), {@value #REQUEST_VERIFIER} the request verifier
 * ({@link LeanSignatureVerification} or {@link SignatureVerification}).
 */
public enum WssImplementation {
    LEAN, WSS4J;

    public static final String RESPONSE_SIGNER = "wss.response-signer";
    public static final String REQUEST_VERIFIER = "wss.request-verifier";

    /** The implementation configured under {@code key}. */
    public static WssImplementation from(GatewayConfig config, String key) {
        String value = config.string(key).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "lean" -> LEAN;
            case "wss4j" -> WSS4J;
            default -> throw new IllegalStateException(key + " must be lean or wss4j, not " + value);
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
