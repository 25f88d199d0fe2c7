package nl.eindtoets.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Loading PKCS#12 key and trust stores. */
public final class Keystores {

    private Keystores() {
    }

    public static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }
}
