package nl.eindtoets.gateway.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key in a PKCS#12 file. The alias may be null: then the file must hold exactly one key entry, which is
 * how the development keystores are made.
 */
public record KeystoreCredentials(Path path, String password, String alias) {

    public KeystoreCredentials {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
    }

    public static KeystoreCredentials of(Path path, String password) {
        return new KeystoreCredentials(path, password, null);
    }

    /** Loads the file and returns the selected key entry. */
    public SigningKey load() throws IOException, GeneralSecurityException {
        KeyStore store = loadPkcs12(path, password);
        String selected = alias != null ? alias : onlyKeyAlias(store);
        if (!store.isKeyEntry(selected)) {
            throw new GeneralSecurityException("no private key with alias '" + selected + "' in " + path);
        }
        PrivateKey key = (PrivateKey) store.getKey(selected, password.toCharArray());
        Certificate[] chain = store.getCertificateChain(selected);
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
            throw new GeneralSecurityException("key '" + selected + "' in " + path + " has no X.509 certificate");
        }
        X509Certificate[] x509 = Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        return new SigningKey(selected, key, x509);
    }

    static KeyStore loadPkcs12(Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (keys.size() != 1) {
            throw new GeneralSecurityException(path + " holds " + keys.size()
                    + " key entries; name the one to use with an alias");
        }
        return keys.get(0);
    }

    @Override
    public String toString() {
        return "KeystoreCredentials[path=" + path + ", alias=" + alias + "]";
    }
}
