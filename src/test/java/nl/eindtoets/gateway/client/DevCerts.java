package nl.eindtoets.gateway.client;

import java.nio.file.Path;
import java.security.KeyStore;

/** The committed development PKI (certs-dev/), as a LAS and the gateway use it. */
final class DevCerts {

    static final Path DIR = Path.of("certs-dev");
    static final String PASSWORD = "changeit";

    private DevCerts() {
    }

    static KeystoreCredentials key(String name) {
        return KeystoreCredentials.of(DIR.resolve(name + ".p12"), PASSWORD);
    }

    static SigningKey signingKey(String name) throws Exception {
        return key(name).load();
    }

    static TruststoreFile truststoreFile() {
        return new TruststoreFile(DIR.resolve("truststore.p12"), PASSWORD);
    }

    static KeyStore truststore() throws Exception {
        return truststoreFile().load();
    }
}
