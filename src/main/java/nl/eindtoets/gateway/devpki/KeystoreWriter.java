package nl.eindtoets.gateway.devpki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;

/** Writes PKCS#12 keystores: one private-key entry with its full chain, or a set of trusted certificates. */
public final class KeystoreWriter {

    private final char[] password;

    public KeystoreWriter(char[] password) {
        this.password = password.clone();
    }

    public void writeKeyEntry(Path file, String alias, IssuedCertificate entry) throws IOException {
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry(alias, entry.privateKey(), password,
                    entry.chain().toArray(X509Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        save(store, file);
    }

    /** {@code certificates} maps alias to certificate; the order is kept. */
    public void writeTrustedCertificates(Path file, Map<String, X509Certificate> certificates) throws IOException {
        KeyStore store = emptyStore();
        try {
            for (Map.Entry<String, X509Certificate> e : certificates.entrySet()) {
                store.setCertificateEntry(e.getKey(), e.getValue());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        save(store, file);
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS#12 is unavailable", e);
        }
    }

    private void save(KeyStore store, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
