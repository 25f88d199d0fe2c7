package nl.eindtoets.gateway.devpki;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM copies for curl, openssl and xmlsec1, which do not read PKCS#12 keystores everywhere. */
public final class PemFileWriter {

    public void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try {
            write(file, new PemObject("CERTIFICATE", certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}): acceptable only because these keys are for development. */
    public void writePrivateKey(Path file, PrivateKey key) throws IOException {
        write(file, new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    private static void write(Path file, PemObject object) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             org.bouncycastle.util.io.pem.PemWriter pem = new org.bouncycastle.util.io.pem.PemWriter(out)) {
            pem.writeObject(object);
        }
    }
}
