package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("mandates.json"), json);
    }
}
