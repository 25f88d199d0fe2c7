package nl.eindtoets.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.PayloadDigestTap;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.Refusal.SecurityCheck;
import nl.eindtoets.gateway.request.RequestDocument;
import nl.eindtoets.gateway.request.Stage;
import nl.eindtoets.gateway.request.VerifiedSignature;
import nl.eindtoets.gateway.xml.ExclusiveC14n;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WS-Security stage for the one profile the gateway accepts, without WSS4J's generic processing: the header is
 * read strictly first ({@link StrictSecurityHeader}, {@link ProfileTimestamp}, {@link ProfileSignature}), so a
 * request outside 2W-be-S costs no digest or RSA work; then the Timestamp's freshness, the key, what the signature
 * covers (by node identity, {@link SignatureCoverage#requireProfileParts}), the signer's chain
 * ({@link CertificateChainValidator}), the SignedInfo signature, and last one exclusive c14n and digest per signed
 * part, the work that grows with the message. The outcome and the fault codes are those of
 * {@link SignatureVerification}, which stays available as {@code wss.request-verifier=wss4j}.
 */
public final class LeanSignatureVerification implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(LeanSignatureVerification.class);
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_EXPONENT_BITS = 256;

    private final Supplier<CertificateChainValidator> chainValidator;
    private final Duration ttl;
    private final Duration futureSkew;
    private final Duration maxLifetime;
    private final Clock clock;

    public LeanSignatureVerification(SecuritySettings settings, Supplier<CertificateChainValidator> chainValidator) {
        this(settings, chainValidator, Clock.systemUTC());
    }

    /** With the clock the Timestamp's freshness is judged by (the gateway's own, as the replay check's). */
    public LeanSignatureVerification(SecuritySettings settings, Supplier<CertificateChainValidator> chainValidator,
                                     Clock clock) {
        this.chainValidator = chainValidator;
        this.ttl = settings.timestampTtl();
        this.futureSkew = settings.timestampFutureSkew();
        this.maxLifetime = settings.timestampMaxLifetime();
        this.clock = clock;
    }

    @Override
    public void apply(GatewayRequest gatewayRequest) {
        RequestDocument request = gatewayRequest.document();
        StrictSecurityHeader header = StrictSecurityHeader.read(request.header());
        ProfileTimestamp timestamp = ProfileTimestamp.read(header.timestamp(), maxLifetime);
        ProfileSignature signature = ProfileSignature.read(header.signature());
        X509Certificate signer = signerOf(header.token(), signature.tokenId());
        timestamp.requireFresh(clock.instant(), ttl, futureSkew);

        ReferenceTargets targets = new ReferenceTargets(request.header(), request.body(), header);
        Set<Node> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        Element[] signedParts = new Element[signature.references().size()];
        for (int i = 0; i < signedParts.length; i++) {
            signedParts[i] = targets.resolve(signature.references().get(i).id());
            if (!covered.add(signedParts[i])) {
                throw StrictXml.invalid("two References to one element");
            }
        }
        SignatureCoverage.requireProfileParts(covered, header.timestamp(), request);
        // The signer and its signature over SignedInfo come before the parts are digested: the digests are the work
        // that grows with the message, and only a trusted signer's message is worth it (as in WSS4J's order).
        requireTrusted(signer);
        requireValidSignatureValue(signature, signer.getPublicKey());

        String payloadDigest = null;
        for (int i = 0; i < signedParts.length; i++) {
            ProfileSignature.SignedReference reference = signature.references().get(i);
            // The Body's canonical bytes also give the audit's digest of the payload (one c14n pass for both).
            PayloadDigestTap tap = signedParts[i] == request.body() ? new PayloadDigestTap(reference.prefixes()) : null;
            if (!MessageDigest.isEqual(digest(signedParts[i], reference.prefixes(), reference.digest(), tap),
                    reference.digestValue())) {
                throw failedCheck("digest of " + signedParts[i].getLocalName() + " does not match");
            }
            payloadDigest = tap == null ? payloadDigest : tap.hexOrNull();
        }
        gatewayRequest.signatureVerified(new VerifiedSignature(signer,
                Base64.getEncoder().encodeToString(signature.signatureValue()), timestamp.created(), timestamp.expires()));
        if (payloadDigest != null) {
            gatewayRequest.bodyDigestTaken(payloadDigest);
        }
    }

    /** The X509v3 token the key reference names, which must be the Security header's one BinarySecurityToken. */
    private static X509Certificate signerOf(Element token, String tokenId) {
        if (token == null || !(tokenId.equals(token.getAttributeNS(WssNames.WSU, "Id"))
                || tokenId.equals(token.getAttributeNS(null, "Id")))) {
            throw GatewayFault.security(SecurityCheck.SECURITY_TOKEN_UNAVAILABLE,
                    "the signature's token " + tokenId + " is not in the Security header");
        }
        if (!WssNames.X509V3.equals(StrictXml.attribute(token, "ValueType"))
                || !WssNames.BASE64_BINARY.equals(StrictXml.attribute(token, "EncodingType"))) {
            throw StrictXml.invalid("BinarySecurityToken is not a base64 X509v3 certificate");
        }
        X509Certificate certificate;
        ByteArrayInputStream der = new ByteArrayInputStream(StrictXml.base64(token));
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(der);
        } catch (CertificateException | ClassCastException e) {
            throw StrictXml.invalid("BinarySecurityToken is not an X.509 certificate");
        }
        if (der.available() != 0) {
            // the factory reads the first certificate and leaves the rest: an X509v3 token holds exactly one
            throw StrictXml.invalid("BinarySecurityToken holds more than one certificate");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa) || !"RSA".equals(rsa.getAlgorithm())
                || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            // an RSASSA-PSS key is an RSAPublicKey too, but not one for RSA-SHA2 (PKCS #1 v1.5) signatures
            throw StrictXml.invalid("the signer's key is not RSA of at least " + MIN_RSA_BITS + " bits");
        }
        if (rsa.getPublicExponent().bitLength() > MAX_EXPONENT_BITS) {
            // a huge exponent makes one verification cost milliseconds; real keys use 65537
            throw StrictXml.invalid("the signer's RSA exponent is larger than " + MAX_EXPONENT_BITS + " bits");
        }
        return certificate;
    }

    /** The digest of the part's canonical form, which also streams to {@code tap} when there is one. */
    private static byte[] digest(Element part, String prefixes, String algorithm, OutputStream tap) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            // The canonical bytes go straight into the digest; a large Body is never copied.
            canonicalize(part, prefixes, new DigestOutputStream(tap == null ? OutputStream.nullOutputStream() : tap,
                    digest));
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot digest a signed part", e);
        }
    }

    private static void requireValidSignatureValue(ProfileSignature signature, PublicKey key) {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(signature.jcaAlgorithm());
            verifier.initVerify(key);
            canonicalize(signature.signedInfo(), signature.c14nPrefixes(), new SignatureOutput(verifier));
            valid = verifier.verify(signature.signatureValue());
        } catch (java.security.SignatureException e) {
            valid = false;
        } catch (java.security.InvalidKeyException e) {
            throw new GatewayFault(new Refusal.Security(SecurityCheck.INVALID_SECURITY,
                    "the signer's key cannot verify " + signature.jcaAlgorithm()), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify a signature", e);
        }
        if (!valid) {
            throw failedCheck("SignatureValue does not verify");
        }
    }

    private void requireTrusted(X509Certificate signer) {
        try {
            chainValidator.get().validateSigner(List.of(signer));
        } catch (CertificateException e) {
            LOG.warn("signing certificate refused: subject={} reason={}", signer.getSubjectX500Principal(), e.getMessage());
            throw new GatewayFault(new Refusal.Security(SecurityCheck.FAILED_AUTHENTICATION, "signer not trusted"), e);
        }
    }

    /** Exclusive c14n of {@code element}; content that has no canonical form is refused as outside the profile. */
    private static void canonicalize(Element element, String prefixes, OutputStream out) {
        try {
            ExclusiveC14n.write(element, prefixes, out);
        } catch (CanonicalizationException e) {
            throw new GatewayFault(new Refusal.Security(SecurityCheck.INVALID_SECURITY,
                    "cannot canonicalize " + element.getLocalName()), e);
        } catch (IOException e) {
            // the sinks are digests and a signature, which do not fail
            throw new IllegalStateException("cannot canonicalize " + element.getLocalName(), e);
        }
    }

    private static GatewayFault failedCheck(String reason) {
        return GatewayFault.security(SecurityCheck.FAILED_CHECK, reason);
    }

    /** Feeds canonical SignedInfo bytes to a signature verifier without buffering them. */
    private static final class SignatureOutput extends OutputStream {
        private final Signature verifier;

        SignatureOutput(Signature verifier) {
            this.verifier = verifier;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                verifier.update(b, off, len);
            } catch (java.security.SignatureException e) {
                throw new IOException(e);
            }
        }
    }
}
