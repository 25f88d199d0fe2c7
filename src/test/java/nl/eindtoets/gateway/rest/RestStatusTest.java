package nl.eindtoets.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each refusal of the shared stages becomes the status code of the chain's OAS. */
class RestStatusTest {

    @ParameterizedTest
    @CsvSource({"AUTORISATIE_ONGELDIG, 401", "INSCHRIJVING_GESLOTEN, 403", "SCHOOL_ONBEKEND, 405",
        "ONGELDIG_BERICHT, 422", "XSD_VERSIE_ONGELDIG, 422", "TIJDELIJK_NIET_BESCHIKBAAR, 503", "INTERNE_FOUT, 500"})
    void contractRefusals(FaultCode code, int status) {
        assertThat(RestStatus.of(new Refusal.Contract(code))).isEqualTo(status);
    }

    @Test
    void anUnreadableMessageKeepsItsOwnStatus() {
        assertThat(RestStatus.of(new Refusal.Unreadable("te groot", 413, "too large"))).isEqualTo(413);
    }

    @Test
    void anythingElseIs500() {
        assertThat(RestStatus.of(new Refusal.Internal("boom"))).isEqualTo(500);
    }
}
