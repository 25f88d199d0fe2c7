package nl.eindtoets.gateway.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link RequestSigner} signs. {@link #defaults()} is the 2W-be-S profile; the other settings exist so tests can
 * send what a careless or hostile client would.
 *
 * @param parts              parts to sign; WS-Addressing headers are signed only when present in the envelope
 * @param signatureAlgorithm {@code ds:SignatureMethod} URI
 * @param digestAlgorithm    {@code ds:DigestMethod} URI
 * @param includeTimestamp   whether a {@code wsu:Timestamp} is added at all
 * @param created            Timestamp Created, or null for "now"
 * @param lifetime           Expires − Created
 * @param includeExpires     whether Expires is written
 * @param layout             order of the Security header children
 */
public record SigningOptions(Set<SignedPart> parts, String signatureAlgorithm, String digestAlgorithm,
                             boolean includeTimestamp, Instant created, Duration lifetime, boolean includeExpires,
                             SecurityHeaderLayout layout) {

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);

    public SigningOptions {
        parts = parts.isEmpty() ? EnumSet.noneOf(SignedPart.class) : EnumSet.copyOf(parts);
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(layout, "layout");
        if (lifetime.isNegative() || lifetime.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lifetime out of range");
        }
    }

    public static SigningOptions defaults() {
        return new SigningOptions(EnumSet.allOf(SignedPart.class), RSA_SHA256, SHA256, true, null,
                DEFAULT_LIFETIME, true, SecurityHeaderLayout.TIMESTAMP_FIRST);
    }

    @Override
    public Set<SignedPart> parts() {
        return parts.isEmpty() ? EnumSet.noneOf(SignedPart.class) : EnumSet.copyOf(parts);
    }

    public SigningOptions withParts(SignedPart... signed) {
        return new SigningOptions(signed.length == 0 ? EnumSet.noneOf(SignedPart.class)
                : EnumSet.copyOf(Arrays.asList(signed)), signatureAlgorithm, digestAlgorithm, includeTimestamp,
                created, lifetime, includeExpires, layout);
    }

    /** All default parts except these. */
    public SigningOptions without(SignedPart... unsigned) {
        Set<SignedPart> set = parts();
        Arrays.asList(unsigned).forEach(set::remove);
        return new SigningOptions(set, signatureAlgorithm, digestAlgorithm, includeTimestamp, created, lifetime,
                includeExpires, layout);
    }

    public SigningOptions withAlgorithms(String signature, String digest) {
        return new SigningOptions(parts, signature, digest, includeTimestamp, created, lifetime, includeExpires,
                layout);
    }

    public SigningOptions withoutTimestamp() {
        return new SigningOptions(parts, signatureAlgorithm, digestAlgorithm, false, created, lifetime,
                includeExpires, layout);
    }

    public SigningOptions withCreated(Instant createdAt) {
        return new SigningOptions(parts, signatureAlgorithm, digestAlgorithm, includeTimestamp, createdAt, lifetime,
                includeExpires, layout);
    }

    public SigningOptions withLifetime(Duration expiresAfter) {
        return new SigningOptions(parts, signatureAlgorithm, digestAlgorithm, includeTimestamp, created,
                expiresAfter, includeExpires, layout);
    }

    public SigningOptions withoutExpires() {
        return new SigningOptions(parts, signatureAlgorithm, digestAlgorithm, includeTimestamp, created, lifetime,
                false, layout);
    }

    public SigningOptions withLayout(SecurityHeaderLayout headerLayout) {
        return new SigningOptions(parts, signatureAlgorithm, digestAlgorithm, includeTimestamp, created, lifetime,
                includeExpires, headerLayout);
    }
}
