package nl.eindtoets.gateway.client;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

/** A PKCS#12 file of trusted CA certificates (dev: {@code certs-dev/truststore.p12}). */
public record TruststoreFile(Path path, String password) {

    public TruststoreFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
    }

    public KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeystoreCredentials.loadPkcs12(path, password);
        if (store.size() == 0) {
            throw new GeneralSecurityException(path + " holds no certificates");
        }
        return store;
    }

    @Override
    public String toString() {
        return "TruststoreFile[path=" + path + "]";
    }
}
