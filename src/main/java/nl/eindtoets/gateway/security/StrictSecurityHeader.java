package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.security.StrictXml.invalid;
import static nl.eindtoets.gateway.security.StrictXml.is;

import nl.eindtoets.gateway.request.Refusal;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one {@code wsse:Security} header of a 2W-be-S request and its three parts: a Timestamp, the signer's
 * BinarySecurityToken and a Signature, in any order (the profile's layout is Lax), and nothing else. A second of any
 * of them, or anything besides them (a SignatureConfirmation, an EncryptedKey, a foreign element), is refused with
 * {@code wsse:InvalidSecurity}, so what is verified is all the header says. A header without the token is left to
 * the Signature's key reference to refuse, as the token it names being absent.
 *
 * @param token the BinarySecurityToken, or null when the header has none
 */
record StrictSecurityHeader(Element security, Element timestamp, Element token, Element signature) {

    /** The Security header among the children of {@code header} (which may be null). */
    static StrictSecurityHeader read(Element header) {
        Element security = null;
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && is(child, WssNames.WSSE, "Security")) {
                if (security != null) {
                    throw invalid("more than one Security header");
                }
                security = child;
            }
        }
        if (security == null) {
            throw invalid("no Security header");
        }
        if (security.hasAttributeNS(Refusal.SOAP_ENV, "actor")) {
            throw invalid("the Security header is meant for another actor");
        }
        Element timestamp = null;
        Element token = null;
        Element signature = null;
        for (Element part : StrictXml.children(security)) {
            if (is(part, WssNames.WSU, "Timestamp") && timestamp == null) {
                timestamp = part;
            } else if (is(part, WssNames.WSSE, "BinarySecurityToken") && token == null) {
                token = part;
            } else if (is(part, WssNames.DS, "Signature") && signature == null) {
                signature = part;
            } else {
                throw invalid("unexpected " + part.getLocalName() + " in the Security header");
            }
        }
        if (timestamp == null) {
            throw invalid("no Timestamp");
        }
        if (signature == null) {
            throw invalid("no Signature");
        }
        return new StrictSecurityHeader(security, timestamp, token, signature);
    }
}
