package nl.eindtoets.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.Test;

/** The Deelnemerslijst component of the front door's OpenAPI document, as the gateway validates bodies with it. */
class JsonBodySchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonBodySchema SCHEMA =
            JsonBodySchema.component(JsonBodySchema.DOORSTROOMTOETS_OPENAPI, "Deelnemerslijst");

    private static ObjectNode sample() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("samples/rest/registreren-99AA-doorstroom-v1.1.json")));
    }

    private static String refusal(ObjectNode body) {
        try {
            SCHEMA.check(body);
        } catch (GatewayFault e) {
            assertThat(e.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    private static ObjectNode pupil(ObjectNode body, int i) {
        return (ObjectNode) body.withArray("deelnemers").get(i);
    }

    @Test
    void acceptsTheSampleList() throws Exception {
        SCHEMA.check(sample());
    }

    @Test
    void refusesABsnAsAFieldThatIsNotAllowed() throws Exception {
        ObjectNode body = sample();
        pupil(body, 1).put("bsn", "123456782");

        assertThat(refusal(body)).isEqualTo("Ongeldige inhoud in /deelnemers/1/bsn: dit gegeven is niet toegestaan.");
    }

    @Test
    void refusesJaargroep6WithItsPath() throws Exception {
        ObjectNode body = sample();
        ((ObjectNode) pupil(body, 0).get("niveau")).put("niveau", "6");

        assertThat(refusal(body)).startsWith("Ongeldige inhoud in /deelnemers/0/niveau/niveau:");
    }

    @Test
    void refusesAMissingAchternaamWithItsPathButNeverAValue() throws Exception {
        ObjectNode body = sample();
        pupil(body, 1).remove("achternaam");

        assertThat(refusal(body)).isEqualTo("Ongeldige inhoud in /deelnemers/1/achternaam: verplicht gegeven ontbreekt.")
                .doesNotContain("Visser");
    }

    @Test
    void refusesAMalformedEckidWithoutRepeatingIt() throws Exception {
        ObjectNode body = sample();
        ((ObjectNode) pupil(body, 0).withArray("deelnemerref").get(0)).put("onderwijsdeelnemerID", "https://ketenid.nl/201703/XYZ");

        assertThat(refusal(body)).startsWith("Ongeldige inhoud in /deelnemers/0/deelnemerref/0").doesNotContain("XYZ");
    }

    @Test
    void refusesAnUnknownVersie() throws Exception {
        ObjectNode body = sample();
        body.put("versie", "Eindtoetsketen_v2021-2022");

        assertThat(refusal(body)).startsWith("Ongeldige inhoud in /versie:");
    }

    @Test
    void refusesADateOfBirthThatIsNoDate() throws Exception {
        ObjectNode body = sample();
        ((ObjectNode) pupil(body, 0).get("extensie")).put("geboortedatum", "14-09-2014");

        assertThat(refusal(body)).startsWith("Ongeldige inhoud in /deelnemers/0/extensie/geboortedatum:");
    }

    @Test
    void refusesAnEmptyGroupList() throws Exception {
        ObjectNode body = sample();
        body.set("groepen", JSON.createArrayNode());

        assertThat(refusal(body)).startsWith("Ongeldige inhoud in /groepen:");
    }

    @Test
    void refusesThreeReferences() throws Exception {
        ObjectNode body = sample();
        ArrayNode refs = pupil(body, 1).withArray("deelnemerref");
        refs.add(refs.get(0).deepCopy());
        refs.add(refs.get(0).deepCopy());

        assertThat(refusal(body)).startsWith("Ongeldige inhoud in /deelnemers/1/deelnemerref:");
    }
}
