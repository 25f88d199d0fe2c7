package nl.eindtoets.gateway.deelnemers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;

/** The REST Deelnemerslijst onto the stored participant model, and the rules that need more than one field. */
class DeelnemerslijstJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(
                Path.of("samples/rest/registreren-99AA-doorstroom-v1.1.json")));
    }

    @Test
    void mapsTheSchoolGroupsAndPupilsOfADoorstroomListAsAMutatielevering() throws Exception {
        DeelnemerslijstJson.Parsed parsed = DeelnemerslijstJson.read(sample());

        assertThat(parsed.soort()).isEqualTo(Levering.Soort.MUTATIELEVERING);
        School school = parsed.lijst().school();
        assertThat(school.brincode()).isEqualTo("99AA");
        assertThat(school.dependancecodeOrDefault()).isEqualTo("00");
        assertThat(school.schooljaar()).isEqualTo("2026-2027");
        assertThat(parsed.lijst().groepen()).containsExactly(new Groep("grp-8b", "Groep 8b", "8"));
        Leerling first = parsed.lijst().leerlingen().get(0);
        assertThat(first.key()).isEqualTo("lln-0001");
        assertThat(first.eckid()).startsWith("https://ketenid.nl/201703/");
        assertThat(first.geboortedatum()).isEqualTo(LocalDate.of(2014, 9, 14));
        assertThat(first.geslacht()).isEqualTo(2);
        assertThat(parsed.lijst().leerlingen().get(1).eckid()).isNull();
    }

    @Test
    void anEindtoetsketenV3ListIsAStandlevering() throws Exception {
        ObjectNode body = sample();
        body.put("versie", "Eindtoetsketen_v3").put("profiel", "Eindtoetsdeelnemers");

        assertThat(DeelnemerslijstJson.read(body).soort()).isEqualTo(Levering.Soort.STANDLEVERING);
    }

    @Test
    void refusesAProfileThatDoesNotBelongToTheVersion() throws Exception {
        ObjectNode body = sample();
        body.put("profiel", "Eindtoetsdeelnemers");

        assertThatThrownBy(() -> DeelnemerslijstJson.read(body)).isInstanceOf(GatewayFault.class)
                .hasMessageContaining("/profiel");
    }

    @Test
    void aDoorstroomListNeedsAllFiveSchoolCodes() throws Exception {
        ObjectNode body = sample();
        ((ObjectNode) body.get("deelnemersgroep")).remove("onderwijslocatiecode");

        assertThatThrownBy(() -> DeelnemerslijstJson.read(body))
                .hasMessage("Verplicht gegeven ontbreekt: /deelnemersgroep/onderwijslocatiecode.");
    }

    @Test
    void refusesTheSameLasKeyForTwoPupils() throws Exception {
        ObjectNode body = sample();
        ((ObjectNode) body.withArray("deelnemers").get(1).withArray("deelnemerref").get(0))
                .put("onderwijsdeelnemerID", "lln-0001");

        assertThatThrownBy(() -> DeelnemerslijstJson.read(body)).hasMessageContaining("/deelnemers/1/deelnemerref/0");
    }

    @Test
    void refusesTwoGroupsWithOneId() throws Exception {
        ObjectNode body = sample();
        body.withArray("groepen").add(body.withArray("groepen").get(0).deepCopy());

        assertThatThrownBy(() -> DeelnemerslijstJson.read(body)).hasMessageContaining("/groepen/1/id");
    }
}
