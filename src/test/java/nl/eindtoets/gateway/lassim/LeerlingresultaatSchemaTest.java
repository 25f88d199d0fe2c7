package nl.eindtoets.gateway.lassim;

import static nl.eindtoets.gateway.lassim.Leerlingresultaten.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.eindtoets.gateway.lassim.LeerlingresultaatSchema.Violation;
import org.junit.jupiter.api.Test;

class LeerlingresultaatSchemaTest {

    private static final LeerlingresultaatSchema SCHEMA = new LeerlingresultaatSchema();

    private static Violation violationOf(ObjectNode body) {
        return SCHEMA.firstViolation(body).orElseThrow(() -> new AssertionError("expected a violation"));
    }

    @Test
    void theSampleIsAValidLeerlingresultaat() {
        assertThat(SCHEMA.firstViolation(valid())).isEmpty();
    }

    @Test
    void aMissingMemberIsReportedAtItsOwnPath() {
        ObjectNode body = valid();
        ((ObjectNode) body.get("resultatenscores")).remove("toetsdefinitie");

        Violation v = violationOf(body);

        assertThat(v.path()).isEqualTo("/resultatenscores/toetsdefinitie");
        assertThat(v.keyword()).isEqualTo("required");
    }

    @Test
    void aValueOutsideItsListIsReportedAtItsPath() {
        ObjectNode body = valid();
        ((ObjectNode) body.get("resultatenscores").get("deelnemerref").get(0)).put("label", "BSN");

        assertThat(violationOf(body).path()).isEqualTo("/resultatenscores/deelnemerref/0/label");
    }

    @Test
    void aTimestampThatIsNotADateTimeIsRefused() {
        ObjectNode body = valid();
        body.put("datumtijd", "12 mei 2027");

        assertThat(violationOf(body).path()).isEqualTo("/datumtijd");
    }

    @Test
    void anUnknownMemberIsRefusedRatherThanIgnored() {
        ObjectNode body = valid();
        body.put("bsn", "123456782");

        assertThat(violationOf(body).keyword()).isEqualTo("additionalProperties");
    }

    @Test
    void moreThanTwoPupilReferencesAreRefused() {
        ObjectNode body = valid();
        ArrayNode refs = (ArrayNode) body.get("resultatenscores").get("deelnemerref");
        refs.addObject().put("label", "ECK-iD").put("onderwijsdeelnemerID", "https://ketenid.nl/201703/0");
        refs.addObject().put("label", "LAS-key").put("onderwijsdeelnemerID", "lln-0002");

        assertThat(violationOf(body).path()).isEqualTo("/resultatenscores/deelnemerref");
    }

    @Test
    void aScoreGivenAsANumberIsRefusedBecauseTheChainSendsText() {
        ObjectNode body = valid();
        ((ObjectNode) body.get("resultatenscores").get("scores").get("scores").get(0)).put("waarde", 84);

        assertThat(violationOf(body).path()).isEqualTo("/resultatenscores/scores/scores/0/waarde");
    }
}
