package nl.eindtoets.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Security;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The decision on a machine where the Amazon Corretto Crypto Provider does not load: tagged {@code without-accp}, so
 * it runs in a JVM without ACCP's jar (surefire execution {@code without-accp}). {@code auto} falls back to the JDK's
 * providers and says why; {@code accp} refuses.
 */
@Tag("without-accp")
class CryptoProvidersWithoutAccpTest {

    @Test
    void accpIsNotOnTheClassPathOfThisJvm() {
        assertThatThrownBy(() -> Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void autoFallsBackToTheJdkProvidersAndSaysWhy() {
        CryptoProviders.Installed decided = CryptoProviders.decide(CryptoProviders.Choice.AUTO);

        assertThat(decided.accp()).isFalse();
        assertThat(decided.summary())
                .startsWith("crypto.provider=auto: the Amazon Corretto Crypto Provider does not load here (")
                .contains("NoClassDefFoundError")
                .endsWith("); the JDK security providers are used");
        assertThat(Security.getProviders()[0].getName()).isEqualTo("SUN");
    }

    @Test
    void accpRefusesWhenItDoesNotLoad() {
        assertThatThrownBy(() -> CryptoProviders.decide(CryptoProviders.Choice.ACCP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("crypto.provider=accp: the Amazon Corretto Crypto Provider does not load here: ")
                .hasMessageContaining("NoClassDefFoundError");
        assertThat(Security.getProvider(CryptoProviders.ACCP)).isNull();
    }
}
