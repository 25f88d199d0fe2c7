package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MandateFileTest {

    /** rest.mandate.service-namespace of gateway-defaults.properties. */
    private static final String DOORSTROOM = "urn:dev:osr:logistiek-proces-doorstroomtoets-po";

    @TempDir
    Path dir;

    @Test
    void builtInDevelopmentFileHoldsTheMandatesOfTheDesignForTheSoapAndTheRestService() {
        List<Mandate> all = MandateFile.read(null);

        assertThat(all).extracting(Mandate::serviceNamespace).containsOnly(DevFixtures.NAMESPACE, DOORSTROOM);
        for (String service : List.of(DevFixtures.NAMESPACE, DOORSTROOM)) {
            List<Mandate> mandates = all.stream().filter(m -> m.serviceNamespace().equals(service)).toList();
            assertThat(mandates).filteredOn(m -> m.supplierOin().equals(LAS_A))
                    .extracting(m -> m.schoolOin().schoolBrin()).containsExactlyInAnyOrder("99AA", "99AB");
            assertThat(mandates).filteredOn(m -> m.supplierOin().equals(LAS_B)
                            && m.schoolOin().schoolBrin().equals("99AA"))
                    .singleElement().satisfies(m -> assertThat(m.endDate()).isBefore(LocalDate.of(2026, 1, 1)));
            assertThat(mandates).extracting(m -> m.supplierOin().value())
                    .contains("00000099000000004000", "00000099000000005000", "00000099000000006000");
        }
    }

    @Test
    void readsAnOperatorFile() throws IOException {
        Path file = write("""
                {"mandates": [{"supplier_oin": "00000099000000001000", "school_oin": "0000000700012AB00000",
                  "service_version_namespace": "urn:x", "start_date": "2026-01-01", "end_date": "2026-12-31",
                  "note": "test"}]}""");

        assertThat(MandateFile.read(file)).containsExactly(new Mandate(LAS_A, DevFixtures.school("12AB"), "urn:x",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void refusesAMisspeltFieldRatherThanReadingAnOpenEndedMandate() throws IOException {
        Path file = write("""
                {"mandates": [{"supplier_oin": "00000099000000001000", "school_oin": "0000000700012AB00000",
                  "service_version_namespace": "urn:x", "start_date": "2026-01-01", "enddate": "2026-12-31"}]}""");

        assertThatThrownBy(() -> MandateFile.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mandates[0]: unknown field enddate");
    }

    @Test
    void refusesAMandateEndingBeforeItStarts() throws IOException {
        Path file = write("""
                {"mandates": [{"supplier_oin": "00000099000000001000", "school_oin": "0000000700012AB00000",
                  "service_version_namespace": "urn:x", "start_date": "2026-01-01", "end_date": "2025-12-31"}]}""");

        assertThatThrownBy(() -> MandateFile.read(file)).hasMessageContaining("lies before start_date");
    }

    @Test
    void refusesAMalformedOin() throws IOException {
        Path file = write("""
                {"mandates": [{"supplier_oin": "123", "school_oin": "0000000700012AB00000",
                  "service_version_namespace": "urn:x", "start_date": "2026-01-01"}]}""");

        assertThatThrownBy(() -> MandateFile.read(file)).hasMessageContaining("mandates[0]");
    }

    @Test
    void builtInDevelopmentFileRoutesTheRestSchoolsOfLasAAndLasBToLasSim() {
        List<OsrEndpoint> endpoints = MandateFile.readContents(null).endpoints();

        assertThat(endpoints).extracting(e -> e.routingId() + " " + e.schoolOin().schoolBrin()).containsExactly(
                "RK0000000000000099AA 99AA", "RK0000000000000099AB 99AB", "RK0000000000000099AC 99AC");
        assertThat(endpoints).allSatisfy(e -> {
            assertThat(e.serviceNamespace()).isEqualTo(DOORSTROOM);
            assertThat(e.url()).isEqualTo(URI.create("https://localhost:8445"));
            assertThat(e.holdsOn(DevFixtures.TODAY_DATE)).isTrue();
        });
    }

    @Test
    void readsTheEndpointsOfAnOperatorFileNextToItsMandates() throws IOException {
        Path file = write("""
                {"mandates": [],
                 "endpoints": [{"routing_id": "RK0000000000000012AB", "school_oin": "0000000700012AB00000",
                   "service_version_namespace": "urn:x", "url": "https://las.example/eindtoets",
                   "start_date": "2026-01-01", "end_date": "2026-12-31", "note": "test"}]}""");

        assertThat(MandateFile.readContents(file).endpoints()).containsExactly(new OsrEndpoint(
                "RK0000000000000012AB", DevFixtures.school("12AB"), "urn:x", URI.create("https://las.example/eindtoets"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(MandateFile.read(file)).isEmpty();
    }

    @Test
    void aFileWithoutEndpointsHasNone() throws IOException {
        Path file = write("""
                {"mandates": [{"supplier_oin": "00000099000000001000", "school_oin": "0000000700012AB00000",
                  "service_version_namespace": "urn:x", "start_date": "2026-01-01"}]}""");

        assertThat(MandateFile.readContents(file).endpoints()).isEmpty();
    }

    @Test
    void refusesAMisspeltEndpointFieldRatherThanReadingAnOpenEndedEndpoint() throws IOException {
        Path file = write("""
                {"mandates": [],
                 "endpoints": [{"routing_id": "RK0000000000000012AB", "school_oin": "0000000700012AB00000",
                   "service_version_namespace": "urn:x", "url": "https://las.example", "start_date": "2026-01-01",
                   "enddate": "2026-12-31"}]}""");

        assertThatThrownBy(() -> MandateFile.readContents(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoints[0]: unknown field enddate");
    }

    @Test
    void refusesAnEndpointWithoutUrl() throws IOException {
        Path file = write("""
                {"mandates": [],
                 "endpoints": [{"routing_id": "RK0000000000000012AB", "school_oin": "0000000700012AB00000",
                   "service_version_namespace": "urn:x", "start_date": "2026-01-01"}]}""");

        assertThatThrownBy(() -> MandateFile.readContents(file)).hasMessageContaining("endpoints[0]: missing url");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("mandates.json"), json);
    }
}
