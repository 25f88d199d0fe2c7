package nl.eindtoets.gateway.request;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What the WS-Security stage verified of one request: who signed it, the signature value (for replay detection and
 * the response's SignatureConfirmation) and the signed Timestamp's window. Whether the request passed WS-Security
 * as a whole (replay included) is {@link GatewayRequest#hasPassedWsSecurity()}.
 *
 * @param expires Timestamp Expires, or null when the sender left it out
 */
public record VerifiedSignature(X509Certificate signer, String signatureValue, Instant created, Instant expires) {
}
