package nl.eindtoets.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.eindtoets.gateway.request.VerifiedSignature;
import nl.eindtoets.gateway.security.AnswerSecurityElements.Reference;
import nl.eindtoets.gateway.security.AnswerSecurityElements.SignatureConfirmation;
import nl.eindtoets.gateway.security.AnswerSecurityElements.SignedInfo;
import nl.eindtoets.gateway.security.AnswerSecurityElements.Timestamp;
import nl.eindtoets.gateway.xml.ExclusiveC14n;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Signs an answer envelope in the one layout the gateway emits (2W-be-S, Digikoppeling WB004, WB014), without the
 * generic WS-Security machinery: the Security header is built from a fixed template (Timestamp, the gateway's
 * certificate as BinarySecurityToken, SignatureConfirmation, Signature); only the Body and the WS-Addressing headers,
 * which CXF wrote, are canonicalised (Santuario's exclusive c14n, streamed into the digest, once each); the Timestamp,
 * the SignatureConfirmation and the SignedInfo are generated here, so their canonical form is written directly
 * ({@link AnswerSecurityElements}). SignedInfo is signed with the JCA's {@code SHA256withRSA}, so by the provider
 * first in the list (ACCP when loaded).
 *
 * <p>What is signed: Timestamp, Body, every WS-Addressing 1.0 header block (Action, MessageID and RelatesTo must be
 * there, once each; To and From when present) and the SignatureConfirmation. An envelope without those is refused
 * before anything in it changes.
 */
public final class LeanResponseSigner {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final Set<String> REQUIRED_ADDRESSING = Set.of("Action", "MessageID", "RelatesTo");
    private static final DateTimeFormatter XS_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static {
        org.apache.xml.security.Init.init();
    }

    private final GatewayKey key;
    private final long ttlSeconds;
    private final Clock clock;

    public LeanResponseSigner(SecuritySettings settings, GatewayKey key, Clock clock) {
        this.key = key;
        this.ttlSeconds = settings.timestampTtl().toSeconds();
        this.clock = clock;
    }

    /**
     * Signs the answer envelope {@code doc} in place, confirming {@code request}'s signature.
     *
     * @throws ResponseSigningException when the envelope is not an answer this layout signs (nothing was changed) or
     *                                  the key fails (the envelope may then hold an unsigned Security header)
     */
    public void sign(Document doc, VerifiedSignature request) throws ResponseSigningException {
        Parts parts = Parts.of(doc);
        String confirmed = confirmationValue(request);
        GatewayKey.SigningKey signingKey = key.signingKey();
        String suffix = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong())
                .toString();

        Element security = doc.createElementNS(WssNames.WSSE, "wsse:Security");
        security.setAttributeNS(WssNames.XMLNS, "xmlns:wsse", WssNames.WSSE);
        security.setAttributeNS(WssNames.XMLNS, "xmlns:wsu", WssNames.WSU);
        String soapPrefix = parts.envelope().getPrefix();
        if (soapPrefix == null || soapPrefix.isEmpty()) {
            soapPrefix = "soap";
            security.setAttributeNS(WssNames.XMLNS, "xmlns:soap", SOAP11);
        }
        security.setAttributeNS(SOAP11, soapPrefix + ":mustUnderstand", "1");
        parts.header().insertBefore(security, parts.header().getFirstChild());

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Timestamp timestamp = new Timestamp("TS-" + suffix, XS_DATE_TIME.format(now),
                XS_DATE_TIME.format(now.plusSeconds(ttlSeconds)));
        SignatureConfirmation confirmation = new SignatureConfirmation("SC-" + suffix, confirmed);
        String tokenId = "X509-" + suffix;
        security.appendChild(timestamp.element(doc));
        security.appendChild(AnswerSecurityElements.binarySecurityToken(doc, tokenId, signingKey.encodedCertificate()));
        security.appendChild(confirmation.element(doc));

        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            List<Reference> references = new ArrayList<>(parts.signedByCanonicalisation().size() + 2);
            references.add(new Reference(timestamp.id(), null, base64(sha256.digest(timestamp.canonical()))));
            int n = 0;
            for (Element part : parts.signedByCanonicalisation()) {
                String id = "id-" + (++n) + "-" + suffix;
                part.setAttributeNS(WssNames.XMLNS, "xmlns:wsu", WssNames.WSU);
                part.setAttributeNS(WssNames.WSU, "wsu:Id", id);
                String prefixes = inclusivePrefixes(part);
                references.add(new Reference(id, prefixes, base64(digestOfCanonicalForm(part, prefixes, sha256))));
            }
            references.add(new Reference(confirmation.id(), null, base64(sha256.digest(confirmation.canonical()))));

            SignedInfo signedInfo = new SignedInfo(references);
            Signature rsa = Signature.getInstance(CryptoProviders.SIGNATURE_ALGORITHM);
            rsa.initSign(signingKey.privateKey());
            rsa.update(signedInfo.canonical());
            String value = base64(rsa.sign());
            security.appendChild(AnswerSecurityElements.signature(doc, signedInfo.element(doc), value, tokenId));
        } catch (GeneralSecurityException | CanonicalizationException | IOException e) {
            throw new ResponseSigningException("the answer could not be signed: " + e, e);
        }
    }

    /** The request's SignatureValue, decoded and encoded again: plain base64, whatever line breaks it came with. */
    private static String confirmationValue(VerifiedSignature request) throws ResponseSigningException {
        if (request == null || request.signatureValue() == null || request.signatureValue().isBlank()) {
            throw new ResponseSigningException("no request signature to confirm", null);
        }
        try {
            return base64(Base64.getMimeDecoder().decode(request.signatureValue()));
        } catch (IllegalArgumentException e) {
            throw new ResponseSigningException("the request's SignatureValue is not base64", e);
        }
    }

    private static byte[] digestOfCanonicalForm(Element part, String prefixes, MessageDigest digest)
            throws CanonicalizationException, IOException {
        digest.reset();
        ExclusiveC14n.write(part, prefixes, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return digest.digest();
    }

    /**
     * The prefixes declared on the part's ancestors that the part itself does not visibly use (space-separated,
     * {@code #default} for the default namespace), or null for none: listed as InclusiveNamespaces, so the digest
     * also covers the bindings that QName values in the part may rely on.
     */
    static String inclusivePrefixes(Element part) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (Node n = part.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (WssNames.XMLNS.equals(a.getNamespaceURI())) {
                    prefixes.add("xmlns".equals(a.getName()) ? "#default" : a.getLocalName());
                }
            }
        }
        prefixes.remove(part.getPrefix() == null || part.getPrefix().isEmpty() ? "#default" : part.getPrefix());
        NamedNodeMap own = part.getAttributes();
        for (int i = 0; i < own.getLength(); i++) {
            String prefix = own.item(i).getPrefix();
            if (prefix != null && !"xmlns".equals(prefix)) {
                prefixes.remove(prefix);
            }
        }
        return prefixes.isEmpty() ? null : String.join(" ", prefixes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The envelope's parts this layout signs by canonicalising them, found before anything changes: the Body and
     * the WS-Addressing header blocks, in document order.
     */
    private record Parts(Element envelope, Element header, List<Element> signedByCanonicalisation) {

        static Parts of(Document doc) throws ResponseSigningException {
            Element envelope = doc.getDocumentElement();
            if (envelope == null || !SOAP11.equals(envelope.getNamespaceURI())
                    || !"Envelope".equals(envelope.getLocalName())) {
                throw new ResponseSigningException("not a SOAP 1.1 envelope", null);
            }
            Element header = null;
            Element body = null;
            for (Node n = envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && SOAP11.equals(e.getNamespaceURI())) {
                    if ("Header".equals(e.getLocalName()) && header == null && body == null) {
                        header = e;
                    } else if ("Body".equals(e.getLocalName()) && body == null) {
                        body = e;
                    } else {
                        throw new ResponseSigningException("unexpected " + e.getLocalName() + " in the envelope", null);
                    }
                }
            }
            if (header == null || body == null) {
                throw new ResponseSigningException("the answer has no " + (body == null ? "Body" : "Header"), null);
            }
            List<Element> signed = new ArrayList<>();
            signed.add(body);
            Set<String> seen = new LinkedHashSet<>();
            for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    if (WssNames.WSSE.equals(e.getNamespaceURI()) && "Security".equals(e.getLocalName())) {
                        throw new ResponseSigningException("the answer already has a Security header", null);
                    }
                    if (WSA.equals(e.getNamespaceURI())) {
                        if (!seen.add(e.getLocalName())) {
                            throw new ResponseSigningException("two wsa:" + e.getLocalName() + " headers", null);
                        }
                        signed.add(e);
                    }
                }
            }
            if (!seen.containsAll(REQUIRED_ADDRESSING)) {
                throw new ResponseSigningException("the answer lacks a WS-Addressing 1.0 header of "
                        + REQUIRED_ADDRESSING, null);
            }
            return new Parts(envelope, header, signed);
        }
    }
}
