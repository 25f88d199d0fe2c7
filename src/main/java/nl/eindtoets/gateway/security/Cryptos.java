package nl.eindtoets.gateway.security;

import java.security.KeyStore;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;

/** WSS4J crypto objects over the gateway's key store and trust store. */
public final class Cryptos {

    private Cryptos() {
    }

    /** The gateway's signing key (and its certificate chain). */
    public static Crypto signing(SecuritySettings s) {
        Merlin merlin = new Merlin();
        merlin.setKeyStore(Keystores.load(s.keystore(), s.keystorePassword()));
        return merlin;
    }

    /**
     * Crypto for reading signatures: certificates come from the message's BinarySecurityToken; trust is decided by
     * {@link SignerTrustValidator}, so this only holds the trust store for WSS4J's bookkeeping.
     */
    public static Crypto verification(SecuritySettings s) {
        KeyStore trust = Keystores.load(s.truststore(), s.truststorePassword());
        Merlin merlin = new Merlin();
        merlin.setTrustStore(trust);
        return merlin;
    }
}
