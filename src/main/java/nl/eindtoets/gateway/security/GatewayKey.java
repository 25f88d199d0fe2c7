package nl.eindtoets.gateway.security;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own key (TLS server certificate and response signatures), replaceable while running: a reload reads
 * the key store again and swaps key manager and signing crypto together, so new TLS handshakes and new responses use
 * the new key while connections and responses in progress complete with the old one.
 */
public final class GatewayKey {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayKey.class);

    private final SecuritySettings settings;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<Loaded> previous = new AtomicReference<>();
    private long generations;

    private record Loaded(long generation, X509ExtendedKeyManager keyManager, Crypto signingCrypto,
                          X509Certificate certificate, SigningKey signingKey, FileTime stamp) {
    }

    /**
     * What an answer is signed with, read once per key store load: the private key, its certificate, and that
     * certificate as the base64 text of a BinarySecurityToken (it only changes when the key store reloads).
     */
    public record SigningKey(PrivateKey privateKey, X509Certificate certificate, String encodedCertificate) {
    }

    public GatewayKey(SecuritySettings settings) {
        this.settings = settings;
        current.set(load());
    }

    public Crypto signingCrypto() {
        return current.get().signingCrypto();
    }

    public X509Certificate certificate() {
        return current.get().certificate();
    }

    /** The current key, certificate and encoded certificate, all of one key store load. */
    public SigningKey signingKey() {
        return current.get().signingKey();
    }

    /** The current private key: what answers are signed with. */
    public PrivateKey privateKey() {
        try {
            return signingCrypto().getPrivateKey(settings.keyAlias(), new String(settings.keystorePassword()));
        } catch (org.apache.wss4j.common.ext.WSSecurityException e) {
            throw new IllegalStateException("cannot read the gateway's private key: " + e.getMessage(), e);
        }
    }

    /** A key manager that always presents the current key. */
    public KeyManager keyManager() {
        return new Delegating();
    }

    /**
     * The same key as a TLS client certificate, for the gateway's own calls with mutual TLS (results pushed to a
     * LAS): always the configured alias, in its current generation.
     */
    public X509ExtendedKeyManager clientKeyManager() {
        return new Delegating() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {tag(settings.keyAlias())};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return tag(settings.keyAlias());
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return tag(settings.keyAlias());
            }
        };
    }

    public synchronized boolean reload() {
        try {
            Loaded next = load();
            previous.set(current.get());
            current.set(next);
            LOG.info("gateway key reloaded: subject={} notAfter={}", certificate().getSubjectX500Principal(),
                    certificate().getNotAfter().toInstant());
            return true;
        } catch (RuntimeException e) {
            LOG.error("gateway key reload failed; keeping the previous key: {}", e.getMessage(), e);
            return false;
        }
    }

    public synchronized boolean reloadIfChanged() {
        return !stamp().equals(current.get().stamp()) && reload();
    }

    private Loaded load() {
        FileTime stamp = stamp();
        KeyStore ks = Keystores.load(settings.keystore(), settings.keystorePassword());
        try {
            if (!ks.isKeyEntry(settings.keyAlias())) {
                throw new IllegalStateException("no key '" + settings.keyAlias() + "' in " + settings.keystore());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, settings.keystorePassword());
            X509ExtendedKeyManager km = null;
            for (KeyManager k : kmf.getKeyManagers()) {
                if (k instanceof X509ExtendedKeyManager x) {
                    km = x;
                }
            }
            Merlin merlin = new Merlin();
            merlin.setKeyStore(ks);
            X509Certificate certificate = (X509Certificate) ks.getCertificate(settings.keyAlias());
            SigningKey signingKey = new SigningKey((PrivateKey) ks.getKey(settings.keyAlias(), settings.keystorePassword()),
                    certificate, Base64.getEncoder().encodeToString(certificate.getEncoded()));
            return new Loaded(++generations, km, merlin, certificate, signingKey, stamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the gateway key: " + e.getMessage(), e);
        }
    }

    private FileTime stamp() {
        try {
            return Files.getLastModifiedTime(settings.keystore());
        } catch (IOException e) {
            return FileTime.fromMillis(-1);
        }
    }

    /**
     * Presents the current key. The alias it chooses names the key generation, so the certificate chain and the
     * private key of one handshake always come from the same generation even when a reload happens in between.
     */
    private class Delegating extends X509ExtendedKeyManager {

        String tag(String alias) {
            return alias == null ? null : current.get().generation() + ":" + alias;
        }

        private Loaded generation(String taggedAlias) {
            int colon = taggedAlias == null ? -1 : taggedAlias.indexOf(':');
            if (colon > 0) {
                long gen = Long.parseLong(taggedAlias.substring(0, colon));
                Loaded now = current.get();
                if (now.generation() == gen) {
                    return now;
                }
                Loaded before = previous.get();
                if (before != null && before.generation() == gen) {
                    return before;
                }
            }
            return null;
        }

        private static String alias(String taggedAlias) {
            return taggedAlias.substring(taggedAlias.indexOf(':') + 1);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String[] aliases = current.get().keyManager().getServerAliases(keyType, issuers);
            return aliases == null ? null : java.util.Arrays.stream(aliases).map(this::tag).toArray(String[]::new);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return tag(current.get().keyManager().chooseServerAlias(keyType, issuers, socket));
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return tag(current.get().keyManager().chooseEngineServerAlias(keyType, issuers, engine));
        }

        @Override
        public X509Certificate[] getCertificateChain(String taggedAlias) {
            Loaded g = generation(taggedAlias);
            return g == null ? null : g.keyManager().getCertificateChain(alias(taggedAlias));
        }

        @Override
        public PrivateKey getPrivateKey(String taggedAlias) {
            Loaded g = generation(taggedAlias);
            return g == null ? null : g.keyManager().getPrivateKey(alias(taggedAlias));
        }
    }
}
