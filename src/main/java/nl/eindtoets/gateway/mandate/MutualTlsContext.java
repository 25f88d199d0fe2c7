package nl.eindtoets.gateway.mandate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context for both ends of the OSR connection: our own key (one alias of a PKCS#12 keystore) and
 * the trust anchors the peer's certificate must chain to (PKIX).
 */
public final class MutualTlsContext {

    private MutualTlsContext() {
    }

    /**
     * @param alias the key entry to present; null to let the keystore's only key be used
     */
    public static SSLContext context(Path keystore, char[] keystorePassword, String alias,
                                     Path truststore, char[] truststorePassword) {
        try {
            KeyStore keys = load(keystore, keystorePassword);
            if (alias != null) {
                keys = onlyEntry(keys, alias, keystorePassword);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keystorePassword);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(load(truststore, truststorePassword));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with keystore " + keystore + " and truststore "
                    + truststore + ": " + e.getMessage(), e);
        }
    }

    static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    /** A keystore holding only {@code alias}, so the key manager cannot pick another key. */
    private static KeyStore onlyEntry(KeyStore source, String alias, char[] password)
            throws IOException, GeneralSecurityException {
        if (!source.isKeyEntry(alias)) {
            throw new GeneralSecurityException("no key entry with alias " + alias);
        }
        KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(password);
        KeyStore only = KeyStore.getInstance("PKCS12");
        only.load(null, password);
        only.setEntry(alias, source.getEntry(alias, protection), protection);
        return only;
    }
}
