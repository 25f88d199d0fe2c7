package nl.eindtoets.gateway.security;

import java.util.Set;
import org.apache.wss4j.common.crypto.AlgorithmSuite;

/**
 * The algorithms Digikoppeling allows for 2W-be-S (RSA with SHA-2, SHA-2 digests, exclusive c14n, RSA keys of at
 * least 2048 bits). Handed to WSS4J so a weak signature is refused before any verification work is spent on it.
 */
public final class SignatureAlgorithms {

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    public static final Set<String> SIGNATURE_METHODS = Set.of(RSA_SHA256, RSA_SHA384, RSA_SHA512);
    public static final Set<String> DIGEST_METHODS = Set.of(SHA256, SHA384, SHA512);

    private SignatureAlgorithms() {
    }

    public static AlgorithmSuite inboundSuite() {
        AlgorithmSuite suite = new AlgorithmSuite();
        SIGNATURE_METHODS.forEach(suite::addSignatureMethod);
        DIGEST_METHODS.forEach(suite::addDigestAlgorithm);
        suite.addC14nAlgorithm(EXC_C14N);
        suite.addTransformAlgorithm(EXC_C14N);
        suite.setMinimumAsymmetricKeyLength(2048);
        return suite;
    }
}
