package nl.eindtoets.gateway.security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Locale;
import nl.eindtoets.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which JCA provider does the cryptography of this JVM (signatures, digests, TLS): the Amazon Corretto Crypto
 * Provider (ACCP, AWS-LC in native code; Linux x86_64 and aarch64) first in the provider list when it loads, or the
 * JDK's own providers. Setting {@code crypto.provider}: {@code auto} (ACCP when it loads, else the JDK providers),
 * {@code accp} (start-up fails when it does not load) or {@code jdk} (never installed).
 *
 * <p>The provider list is global to the JVM, so the first {@link #install} decides for the whole JVM and logs one
 * line saying what it decided; it must run before any key store, signature or TLS context is created. Later calls
 * return that decision and change nothing, or fail when they ask for the opposite ({@code jdk} after ACCP was
 * installed, {@code accp} after it was not): objects made with one provider cannot be moved to another.
 */
public final class CryptoProviders {

    public static final String CONFIG_KEY = "crypto.provider";
    /** The name ACCP registers under ({@link Provider#getName()}). */
    public static final String ACCP = "AmazonCorrettoCryptoProvider";
    /** The JCA name of the gateway's signature algorithm (RSA-SHA256, what Santuario asks the JCA for). */
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);
    private static Installed installed;

    private CryptoProviders() {
    }

    /** The values of {@code crypto.provider}. */
    public enum Choice {
        AUTO, ACCP, JDK;

        public static Choice parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(CONFIG_KEY + " must be auto, accp or jdk, not " + value);
            }
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What this JVM runs with.
     *
     * @param choice  the setting of the call that decided
     * @param accp    whether ACCP is the first security provider
     * @param summary the decision in words (the log line)
     */
    public record Installed(Choice choice, boolean accp, String summary) {
    }

    /** {@link #install(Choice)} with the configured {@code crypto.provider}. */
    public static Installed install(GatewayConfig config) {
        return install(Choice.parse(config.string(CONFIG_KEY)));
    }

    /** Decides the provider of this JVM on the first call; see the class comment for later calls. */
    public static synchronized Installed install(Choice choice) {
        if (installed == null) {
            installed = decide(choice);
            LOG.info(installed.summary());
            return installed;
        }
        if (choice == Choice.JDK && installed.accp()) {
            throw new IllegalStateException(CONFIG_KEY + "=jdk, but this JVM already runs with ACCP ("
                    + installed.summary() + ")");
        }
        if (choice == Choice.ACCP && !installed.accp()) {
            throw new IllegalStateException(CONFIG_KEY + "=accp, but this JVM already runs without it ("
                    + installed.summary() + ")");
        }
        return installed;
    }

    /** The decision for {@code choice} in this JVM, without logging or remembering it; installs ACCP if chosen. */
    static Installed decide(Choice choice) {
        String setting = CONFIG_KEY + "=" + choice.value() + ": ";
        if (choice == Choice.JDK) {
            if (Security.getProvider(ACCP) != null) {
                throw new IllegalStateException(setting + "but ACCP is already a security provider of this JVM "
                        + "(java.security or a library installed it)");
            }
            return new Installed(choice, false, setting + "the JDK security providers are used");
        }
        String problem;
        try {
            problem = Accp.problem();
        } catch (LinkageError e) {
            // ACCP's jar is not on the class path: linking Accp fails before any of its code runs.
            problem = e.toString();
        }
        if (problem == null) {
            try {
                String version = Accp.installFirst();
                return new Installed(choice, true, setting + "Amazon Corretto Crypto Provider " + version
                        + " is the first security provider");
            } catch (RuntimeException | LinkageError e) {
                problem = e.toString();
            }
        }
        if (choice == Choice.ACCP) {
            throw new IllegalStateException(setting + "the Amazon Corretto Crypto Provider does not load here: "
                    + problem);
        }
        return new Installed(choice, false, setting + "the Amazon Corretto Crypto Provider does not load here ("
                + problem + "); the JDK security providers are used");
    }

    /**
     * The provider that makes {@value #SIGNATURE_ALGORITHM} signatures with {@code key}: the one the JCA picks for
     * {@code Signature.getInstance} once it is initialised with the key, as when Santuario signs an answer.
     */
    public static String signingProvider(PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM);
            signature.initSign(key);
            return signature.getProvider().getName();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + SIGNATURE_ALGORITHM + " provider for the gateway key", e);
        }
    }

    /**
     * The only code that names ACCP's classes. Without ACCP's jar, linking this class fails (the verifier loads
     * AmazonCorrettoCryptoProvider to check it is a Provider), which {@link #decide} takes as "does not load".
     */
    private static final class Accp {

        /** Null when ACCP's native library loaded and its self-tests pass; otherwise why not. */
        static String problem() {
            try {
                Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
                if (error != null) {
                    return error.toString();
                }
                AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
                return null;
            } catch (RuntimeException | LinkageError e) {
                return e.toString();
            }
        }

        /** Puts ACCP first in the provider list (also when something registered it further down); its version. */
        static String installFirst() {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Provider[] providers = Security.getProviders();
            if (providers.length == 0 || !providers[0].getName().equals(ACCP)) {
                Security.removeProvider(ACCP);
                Security.insertProviderAt(accp, 1);
            }
            if (!Security.getProviders()[0].getName().equals(ACCP)) {
                throw new IllegalStateException("ACCP could not be put first among the security providers");
            }
            return accp.getVersionStr() + " (" + accp.getAwsLcVersionStr() + ")";
        }
    }
}
