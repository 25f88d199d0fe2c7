package nl.eindtoets.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.Security;
import java.util.Map;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code crypto.provider=jdk} in the main test JVM, where every test runs on the JDK's providers. The ACCP side
 * ({@code auto} installs it, the signing provider reported is ACCP) is {@code it.AccpEndToEndTest}, in a JVM of its
 * own because the provider list is global.
 */
class CryptoProvidersTest {

    @Test
    void settingIsAutoByDefaultAndReadsAnyCase() {
        assertThat(CryptoProviders.Choice.parse(GatewayConfig.defaults(Map.of()).string(CryptoProviders.CONFIG_KEY)))
                .isEqualTo(CryptoProviders.Choice.AUTO);
        assertThat(CryptoProviders.Choice.parse(" ACCP ")).isEqualTo(CryptoProviders.Choice.ACCP);
        assertThat(CryptoProviders.Choice.parse("jdk")).isEqualTo(CryptoProviders.Choice.JDK);
        assertThatThrownBy(() -> CryptoProviders.Choice.parse("bouncycastle"))
                .hasMessageContaining("crypto.provider must be auto, accp or jdk");
    }

    @Test
    void jdkLeavesTheJdkProvidersAndTheirRsaSignatures() throws Exception {
        CryptoProviders.Installed installed = CryptoProviders.install(
                GatewayConfig.defaults(Map.of(CryptoProviders.CONFIG_KEY, "jdk")));

        assertThat(installed.accp()).isFalse();
        assertThat(installed.summary()).contains("the JDK security providers are used");
        assertThat(Security.getProvider(CryptoProviders.ACCP)).isNull();
        assertThat(Security.getProviders()[0].getName()).isEqualTo("SUN");
        assertThat(CryptoProviders.signingProvider(gatewayKey())).isEqualTo("SunRsaSign");
    }

    @Test
    void laterCallsKeepTheFirstDecisionAndRefuseTheOpposite() {
        CryptoProviders.Installed first = CryptoProviders.install(CryptoProviders.Choice.JDK);

        assertThat(CryptoProviders.install(CryptoProviders.Choice.JDK)).isSameAs(first);
        // auto takes what this JVM already runs with: ACCP is not put in under objects made without it
        assertThat(CryptoProviders.install(CryptoProviders.Choice.AUTO)).isSameAs(first);
        assertThat(Security.getProvider(CryptoProviders.ACCP)).isNull();
        assertThatThrownBy(() -> CryptoProviders.install(CryptoProviders.Choice.ACCP))
                .hasMessageContaining("crypto.provider=accp, but this JVM already runs without it");
    }

    private static java.security.PrivateKey gatewayKey() throws Exception {
        return KeystoreCredentials.of(Path.of("certs-dev", "gateway.p12"), "changeit").load().privateKey();
    }
}
