package nl.eindtoets.gateway.request;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The outcome of step 2 for one request: who signed it, the signature value (for replay detection and the
 * response's SignatureConfirmation) and the signed Timestamp's window. Its presence in the exchange means the
 * request passed WS-Security, which is what decides whether a fault response is signed.
 *
 * @param expires Timestamp Expires, or null when the sender left it out
 */
public record VerifiedSignature(X509Certificate signer, String signatureValue, Instant created, Instant expires) {
}
