package nl.eindtoets.gateway.request;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.eindtoets.gateway.xml.ExclusiveC14n;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.w3c.dom.Element;

/**
 * SHA-256 (hex) of the exclusive canonical form of a body payload: equal for byte-different but equivalent
 * serialisations, so a resent delivery is recognised. Goes into the audit record instead of the content.
 */
public final class BodyDigest {

    private BodyDigest() {
    }

    public static String of(Element payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // The canonical bytes go straight into the digest; a list of thousands of pupils is never copied.
            ExclusiveC14n.write(payload, null, new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | IOException | CanonicalizationException e) {
            throw new IllegalStateException("cannot digest the body", e);
        }
    }
}
