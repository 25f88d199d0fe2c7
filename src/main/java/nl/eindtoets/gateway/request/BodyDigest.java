package nl.eindtoets.gateway.request;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Element;

/**
 * SHA-256 (hex) of the exclusive canonical form of a body payload: equal for byte-different but equivalent
 * serialisations, so a resent delivery is recognised. Goes into the audit record instead of the content.
 */
public final class BodyDigest {

    static {
        // Santuario's canonicalizers are registered by Init; a digest must not depend on WSS4J having run first.
        org.apache.xml.security.Init.init();
    }

    private BodyDigest() {
    }

    public static String of(Element payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // The canonical bytes go straight into the digest; a list of thousands of pupils is never copied.
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(payload, out);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (InvalidCanonicalizerException | NoSuchAlgorithmException | IOException
                 | org.apache.xml.security.c14n.CanonicalizationException e) {
            throw new IllegalStateException("cannot digest the body", e);
        }
    }
}
