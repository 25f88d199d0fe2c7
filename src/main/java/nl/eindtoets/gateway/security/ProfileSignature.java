package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.security.StrictXml.attribute;
import static nl.eindtoets.gateway.security.StrictXml.invalid;
import static nl.eindtoets.gateway.security.StrictXml.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A request's {@code ds:Signature}, read as the one form 2W-be-S allows: SignedInfo with exclusive c14n, an
 * RSA-SHA2 SignatureMethod and 1 to {@value #MAX_REFERENCES} References, each a same-document {@code #id} with
 * exactly one exclusive-c14n Transform and a SHA-2 digest; the SignatureValue; and a KeyInfo that is one
 * SecurityTokenReference by direct reference (ValueType X509v3) to an X509v3 BinarySecurityToken; InclusiveNamespaces
 * PrefixLists of at most {@value #MAX_INCLUSIVE_PREFIXES} prefixes. No ds:Object, no other transform, no
 * other way to name the key. Anything else is refused with {@code wsse:InvalidSecurity} before any digest or
 * signature work is spent on it.
 *
 * @param c14nPrefixes the InclusiveNamespaces PrefixList of SignedInfo's canonicalization, or null
 * @param jcaAlgorithm the signature algorithm by its JCA name, e.g. {@code SHA256withRSA}
 * @param tokenId      the Id the key reference names (without {@code #})
 */
record ProfileSignature(Element signedInfo, String c14nPrefixes, String jcaAlgorithm, List<SignedReference> references,
                        byte[] signatureValue, String tokenId) {

    static final int MAX_REFERENCES = 16;
    static final int MAX_INCLUSIVE_PREFIXES = 16;

    private static final Map<String, String> SIGNATURE_METHODS = Map.of(
            SignatureAlgorithms.RSA_SHA256, "SHA256withRSA",
            SignatureAlgorithms.RSA_SHA384, "SHA384withRSA",
            SignatureAlgorithms.RSA_SHA512, "SHA512withRSA");
    private static final Map<String, String> DIGEST_METHODS = Map.of(
            SignatureAlgorithms.SHA256, "SHA-256",
            SignatureAlgorithms.SHA384, "SHA-384",
            SignatureAlgorithms.SHA512, "SHA-512");
    private static final Map<String, Integer> DIGEST_LENGTHS = Map.of("SHA-256", 32, "SHA-384", 48, "SHA-512", 64);

    /**
     * One signed part.
     *
     * @param id       the Id the reference names (without {@code #})
     * @param prefixes the InclusiveNamespaces PrefixList of its exclusive c14n, or null
     * @param digest   the digest algorithm by its JCA name
     */
    record SignedReference(String id, String prefixes, String digest, byte[] digestValue) {
    }

    static ProfileSignature read(Element signature) {
        List<Element> parts = StrictXml.children(signature);
        if (parts.size() != 3 || !is(parts.get(0), WssNames.DS, "SignedInfo")
                || !is(parts.get(1), WssNames.DS, "SignatureValue") || !is(parts.get(2), WssNames.DS, "KeyInfo")) {
            throw invalid("a Signature holds SignedInfo, SignatureValue and KeyInfo, and nothing else");
        }
        Element signedInfo = parts.get(0);
        List<Element> info = StrictXml.children(signedInfo);
        if (info.size() < 3 || !is(info.get(0), WssNames.DS, "CanonicalizationMethod")
                || !is(info.get(1), WssNames.DS, "SignatureMethod")) {
            throw invalid("SignedInfo holds CanonicalizationMethod, SignatureMethod and References");
        }
        if (info.size() - 2 > MAX_REFERENCES) {
            throw invalid("more than " + MAX_REFERENCES + " References");
        }
        String c14nPrefixes = exclusiveC14n(info.get(0));
        Element method = info.get(1);
        String jcaAlgorithm = SIGNATURE_METHODS.get(attribute(method, "Algorithm"));
        if (jcaAlgorithm == null || !StrictXml.children(method).isEmpty()) {
            throw invalid("signature algorithm not allowed: " + attribute(method, "Algorithm"));
        }
        List<SignedReference> references = new ArrayList<>(info.size() - 2);
        for (Element reference : info.subList(2, info.size())) {
            if (!is(reference, WssNames.DS, "Reference")) {
                throw invalid("unexpected " + reference.getLocalName() + " in SignedInfo");
            }
            references.add(reference(reference));
        }
        byte[] value = StrictXml.base64(parts.get(1));
        return new ProfileSignature(signedInfo, c14nPrefixes, jcaAlgorithm, List.copyOf(references), value,
                tokenId(parts.get(2)));
    }

    private static SignedReference reference(Element reference) {
        String id = sameDocumentId(attribute(reference, "URI"));
        List<Element> children = StrictXml.children(reference);
        if (children.size() != 3 || !is(children.get(0), WssNames.DS, "Transforms")
                || !is(children.get(1), WssNames.DS, "DigestMethod") || !is(children.get(2), WssNames.DS, "DigestValue")) {
            throw invalid("a Reference holds Transforms, DigestMethod and DigestValue");
        }
        Element transform = StrictXml.onlyChild(children.get(0), WssNames.DS, "Transform");
        String prefixes = exclusiveC14n(transform);
        Element digestMethod = children.get(1);
        String digest = DIGEST_METHODS.get(attribute(digestMethod, "Algorithm"));
        if (digest == null || !StrictXml.children(digestMethod).isEmpty()) {
            throw invalid("digest algorithm not allowed: " + attribute(digestMethod, "Algorithm"));
        }
        byte[] value = StrictXml.base64(children.get(2));
        if (value.length != DIGEST_LENGTHS.get(digest)) {
            throw invalid("DigestValue of the wrong length");
        }
        return new SignedReference(id, prefixes, digest, value);
    }

    /** The PrefixList of an exclusive-c14n algorithm element (null when it has none); refuses any other algorithm. */
    private static String exclusiveC14n(Element algorithm) {
        if (!SignatureAlgorithms.EXC_C14N.equals(attribute(algorithm, "Algorithm"))) {
            throw invalid("canonicalization not allowed: " + attribute(algorithm, "Algorithm"));
        }
        List<Element> parameters = StrictXml.children(algorithm);
        if (parameters.isEmpty()) {
            return null;
        }
        if (parameters.size() != 1 || !is(parameters.get(0), SignatureAlgorithms.EXC_C14N, "InclusiveNamespaces")
                || !StrictXml.children(parameters.get(0)).isEmpty()) {
            throw invalid("exclusive c14n takes one InclusiveNamespaces and nothing else");
        }
        String prefixes = attribute(parameters.get(0), "PrefixList");
        if (prefixes == null) {
            return "";
        }
        requireFewPrefixes(prefixes);
        return prefixes;
    }

    /**
     * At most {@value #MAX_INCLUSIVE_PREFIXES} prefixes (or {@code #default}), separated by XML whitespace. Santuario's
     * exclusive c14n walks every listed prefix at every element, so a long list costs CPU per element; the list is
     * read in one pass that stops at the first token too many, so refusing a long one costs nothing either.
     */
    private static void requireFewPrefixes(String prefixes) {
        int tokens = 0;
        int i = 0;
        while (i < prefixes.length()) {
            if (isXmlWhitespace(prefixes.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < prefixes.length() && !isXmlWhitespace(prefixes.charAt(i))) {
                i++;
            }
            if (++tokens > MAX_INCLUSIVE_PREFIXES) {
                throw invalid("more than " + MAX_INCLUSIVE_PREFIXES + " InclusiveNamespaces prefixes");
            }
            String token = prefixes.substring(start, i);
            if (!token.equals("#default") && !isNcName(token)) {
                // the reason goes to the log: it names the token only when it is short
                throw invalid("not a prefix in an InclusiveNamespaces PrefixList"
                        + (token.length() <= 64 ? ": " + token : ""));
            }
        }
    }

    private static boolean isXmlWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String tokenId(Element keyInfo) {
        Element str = StrictXml.onlyChild(keyInfo, WssNames.WSSE, "SecurityTokenReference");
        Element reference = StrictXml.onlyChild(str, WssNames.WSSE, "Reference");
        String valueType = attribute(reference, "ValueType");
        if (!WssNames.X509V3.equals(valueType)) {
            // the Basic Security Profile asks for the ValueType of a direct reference; WSS4J refuses one without
            throw invalid("the key reference is not to an X509v3 token: " + valueType);
        }
        return sameDocumentId(attribute(reference, "URI"));
    }

    /** The Id of a same-document bare-name reference {@code #id}; refuses every other URI form. */
    private static String sameDocumentId(String uri) {
        if (uri == null || uri.length() < 2 || uri.charAt(0) != '#' || !isNcName(uri.substring(1))) {
            throw invalid("only same-document #id references are allowed: " + uri);
        }
        return uri.substring(1);
    }

    /** An xs:NCName in its common form: a letter or underscore, then letters, digits, '.', '-', '_'. */
    private static boolean isNcName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean start = Character.isLetter(c) || c == '_';
            if (i == 0 ? !start : !(start || Character.isDigit(c) || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
