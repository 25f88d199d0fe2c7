package nl.eindtoets.gateway.client;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A loaded private key with its certificate chain (end-entity certificate first). */
public record SigningKey(String alias, PrivateKey privateKey, X509Certificate[] chain) {

    public SigningKey {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("a certificate chain is required");
        }
        chain = chain.clone();
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    @Override
    public X509Certificate[] chain() {
        return chain.clone();
    }

    /**
     * An in-memory keystore holding only this entry under {@code password}: what both the TLS key manager and the
     * WS-Security crypto get, so neither can pick another key from a shared file.
     */
    KeyStore asKeyStore(char[] password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry(alias, privateKey, password, chain);
        return store;
    }
}
