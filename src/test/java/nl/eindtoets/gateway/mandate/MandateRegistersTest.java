package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import nl.eindtoets.gateway.mandate.MandateSettings.RegisterKind;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the mandate stage from configuration, as the gateway does at start-up. */
class MandateRegistersTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheEmbeddedDevelopmentRegisterWithTheDocumentedCache() {
        MandateSettings s = MandateSettings.from(GatewayConfig.defaults(Map.of()));

        assertThat(s.register()).isEqualTo(RegisterKind.EMBEDDED);
        assertThat(s.embeddedFile()).isNull();
        assertThat(s.serviceNamespace()).isEqualTo("urn:dev:osr:logistiek-proces-eindtoets-po");
        assertThat(s.positiveTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.negativeTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.staleIfError()).isZero();
        assertThat(s.osrConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.osrReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(MandateRegisters.fromConfig(GatewayConfig.defaults(Map.of())).source())
                .isEqualTo(Source.EMBEDDED);
    }

    @Test
    void theDefaultCheckGrantsLasAFor99AA() {
        MandateCheck check = MandateRegisters.checkFromConfig(GatewayConfig.defaults(Map.of()), new RecordingDecisionLog());

        assertThatCode(() -> check.check(identity(LAS_A, "99AA"))).doesNotThrowAnyException();
    }

    @Test
    void anOperatorMandatesFileReplacesTheDevelopmentMandates() throws IOException {
        Path file = Files.writeString(dir.resolve("m.json"), "{\"mandates\": []}");
        GatewayConfig config = GatewayConfig.defaults(Map.of("mandate.embedded.file", file.toString()));

        MandateCheck check = MandateRegisters.checkFromConfig(config, new RecordingDecisionLog());

        assertThatThrownBy(() -> check.check(identity(LAS_A, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
    }

    @Test
    void theEnvironmentSwitchesTheGatewayToTheOsrSimulator() {
        try (OsrSimulator osr = DevTls.simulator("osr.p12", MandateFile.readDevelopmentMandates())) {
            GatewayConfig config = GatewayConfig.load(null, Map.of(
                    "EINDTOETS_MANDATE_REGISTER", "osr",
                    "EINDTOETS_OSR_BASE_URL", osr.baseUrl().toString()), Map.of());
            RecordingDecisionLog log = new RecordingDecisionLog();

            MandateRegisters.checkFromConfig(config, log).check(identity(LAS_A, "99AA"));

            assertThat(log.last().source()).isEqualTo(Source.OSR);
            assertThat(osr.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnUnknownRegisterKind() {
        GatewayConfig config = GatewayConfig.defaults(Map.of("mandate.register", "ldap"));

        assertThatThrownBy(() -> MandateSettings.from(config)).hasMessageContaining("embedded or osr");
    }

    @Test
    void refusesAPlainHttpOsrUrl() {
        GatewayConfig config = GatewayConfig.defaults(Map.of("mandate.register", "osr",
                "osr.base-url", "http://localhost:8444"));

        assertThatThrownBy(() -> MandateRegisters.fromConfig(config)).hasMessageContaining("must be https");
    }
}
