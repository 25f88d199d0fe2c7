package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.RestBodies.lijst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.it.RestBodies.Pupil;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the REST front door refuses about the request itself, before the business rules: the Content-Type, methods
 * and paths it does not have, a query that does not decode, malformed edu-to/edu-from, JSON beyond the parser's
 * limits, a member twice, and an OIN offered anywhere but in the TLS client certificate. Each refusal is JSON with a
 * correlation id, stores nothing and is audited under the sender's certificate OIN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestFrontDoorRefusalsEndToEndTest {

    private static final String SCHOOL = "96AA";
    /** Mandated for las-a but never registered with the supplier. */
    private static final String UNREGISTERED = "96AB";
    private static final String LAS_B_OIN = "00000099000000003000";
    private static final String REGISTREREN = "/doorstroomtoets/registreren?edu-to=" + Oin.ofSchool(SCHOOL).value()
            + "&edu-from=" + RestLas.ROUTERINGSKENMERK;

    private StoreGateway store;
    private RestLas lasA;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        store = StoreGateway.start(dir, StoreGateway.h2(dir), List.of(SCHOOL, UNREGISTERED));
        store.registerOpen(SCHOOL);
        lasA = RestLas.as(store.gateway(), "las-a");
    }

    @AfterAll
    void stop() {
        store.close();
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() throws Exception {
        RestLas.Answer answer = lasA.send("POST", REGISTREREN, "Application/JSON; charset=utf-8", list());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
    }

    @Test
    void aContentTypeOtherThanJsonIsAnswered415AndNothingIsStored() throws Exception {
        long before = deliveries();

        assertRefused(lasA.send("POST", REGISTREREN, "text/plain", list()), 415);
        assertRefused(lasA.send("POST", REGISTREREN, "application/jsonp", list()), 415);
        assertThat(deliveries()).isEqualTo(before);
    }

    @Test
    void aBodyWithoutContentTypeIsAnswered415() throws Exception {
        assertRefused(lasA.send("POST", REGISTREREN, null, list()), 415);
    }

    @Test
    void anotherMethodOnAPostPathIsAnswered405WithAllowPost() throws Exception {
        RestLas.Answer put = lasA.send("PUT", REGISTREREN, "application/json", list());
        RestLas.Answer get = lasA.send("GET", "/doorstroomtoets/registreren-schooladviezen", null, null);

        assertRefused(put, 405);
        assertThat(put.allow()).isEqualTo("POST");
        assertRefused(get, 405);
        assertThat(get.allow()).isEqualTo("POST");
    }

    @Test
    void anotherMethodOnAGetPathIsAnswered405WithAllowGet() throws Exception {
        RestLas.Answer delete = lasA.send("DELETE", "/doorstroomtoets/leerlingrapport/" + "A".repeat(43)
                + "?edu-to=" + Oin.ofSchool(SCHOOL).value() + "&edu-from=" + RestLas.ROUTERINGSKENMERK, null, null);
        RestLas.Answer post = lasA.send("POST", "/doorstroomtoets/openapi.yaml", "application/json", "{}");

        assertRefused(delete, 405);
        assertThat(delete.allow()).isEqualTo("GET");
        assertRefused(post, 405);
        assertThat(post.allow()).isEqualTo("GET");
    }

    @Test
    void aSchoolUnknownToTheSupplierIs405WithoutAnAllowHeader() throws Exception {
        RestLas.Answer answer = lasA.registreren(UNREGISTERED, lijst(UNREGISTERED, "2026-12-01T08:00:00Z",
                List.of(Pupil.key("lln-1", "Jansen"))));

        assertRefused(answer, 405);
        assertThat(answer.allow()).isNull();
    }

    @Test
    void anUnknownPathUnderTheBasePathIsAnswered404AsJsonAndAudited() throws Exception {
        RestLas.Answer answer = lasA.send("GET", "/doorstroomtoets/deelnemers", null, null);

        assertRefused(answer, 404);
        JsonNode audit = audit(answer);
        assertThat(audit.get("decision").asText()).isEqualTo("refused");
        assertThat(audit.get("signerOin").asText()).isEqualTo(StoreGateway.LAS_A_OIN);
    }

    @Test
    void aQueryThatDoesNotDecodeIsAnswered400NotAsAnInternalError() throws Exception {
        // java.net.URI refuses a bad escape, so this request goes out as written
        RawHttps.Answer answer = RawHttps.as("las-a").exchange(store.gateway().baseUrl(),
                "POST /doorstroomtoets/registreren?edu-to=%zz&edu-from=" + RestLas.ROUTERINGSKENMERK
                        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2"
                        + "\r\nConnection: close",
                RawHttps.only("{}".getBytes(StandardCharsets.US_ASCII)), Duration.ofSeconds(20));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(answer.body());
        assertThat(body.get("melding").asText()).contains("query");
        assertThat(body.get("correlatie").asText()).isNotBlank();
    }

    @Test
    void eduToAndEduFromOfTheWrongLengthOrFormAreAnswered400() throws Exception {
        String school = Oin.ofSchool(SCHOOL).value();
        RestLas.Answer longTo = lasA.post("/doorstroomtoets/registreren?edu-to=" + school + "0&edu-from="
                + RestLas.ROUTERINGSKENMERK, list());
        RestLas.Answer shortFrom = lasA.post("/doorstroomtoets/registreren?edu-to=" + school + "&edu-from="
                + RestLas.ROUTERINGSKENMERK.substring(1), list());
        RestLas.Answer oddFrom = lasA.post("/doorstroomtoets/registreren?edu-to=" + school + "&edu-from="
                + RestLas.ROUTERINGSKENMERK.substring(1) + "%0A", list());

        assertRefused(longTo, 400);
        assertThat(longTo.melding()).contains("edu-to");
        assertRefused(shortFrom, 400);
        assertThat(shortFrom.melding()).contains("edu-from");
        assertRefused(oddFrom, 400);
    }

    @Test
    void jsonNestedBeyondTheParserLimitIsAnswered400() throws Exception {
        String deep = "{\"deelnemersgroep\":" + "[".repeat(200) + "]".repeat(200) + "}";

        assertRefused(lasA.post(REGISTREREN, deep), 400);
    }

    @Test
    void aStringBeyondTheParserLimitIsAnswered400() throws Exception {
        String body = list().replace("\"Jansen\"", "\"" + "J".repeat(100_000) + "\"");

        assertRefused(lasA.post(REGISTREREN, body), 400);
    }

    @Test
    void aMemberTwiceIsAnswered400AndNothingIsStored() throws Exception {
        long before = deliveries();
        String twice = list().replaceFirst("\\{", "{\"deelnemersgroep\":{},");

        assertRefused(lasA.post(REGISTREREN, twice), 400);
        assertThat(deliveries()).isEqualTo(before);
    }

    @Test
    void anOinOfferedInAHeaderOrTheQueryDoesNotReplaceTheCertificates() throws Exception {
        RestLas lasB = RestLas.as(store.gateway(), "las-b");
        RestLas.Answer answer = lasB.send("POST", REGISTREREN + "&oin=" + StoreGateway.LAS_A_OIN
                + "&from=" + StoreGateway.LAS_A_OIN, "application/json", list());

        assertRefused(answer, 401);
        assertThat(audit(answer).get("signerOin").asText()).isEqualTo(LAS_B_OIN);
    }

    @Test
    void aRefusalBeforeTheSenderIsIdentifiedIsAuditedUnderItsCertificateOin() throws Exception {
        RestLas.Answer answer = lasA.send("POST", REGISTREREN, "text/plain", list());

        JsonNode audit = audit(answer);
        assertThat(audit.get("operation").asText()).isEqualTo("registreren");
        assertThat(audit.get("decision").asText()).isEqualTo("refused");
        assertThat(audit.get("signerOin").asText()).isEqualTo(StoreGateway.LAS_A_OIN);
    }

    private static String list() {
        return lijst(SCHOOL, "2026-12-01T08:00:00Z", List.of(Pupil.key("lln-1", "Jansen")));
    }

    private JsonNode audit(RestLas.Answer answer) throws Exception {
        JsonNode records = store.json("/api/audit?correlationId=" + answer.correlatie());
        assertThat(records).as("audit of %s", answer.correlatie()).hasSize(1);
        return records.get(0);
    }

    private long deliveries() throws Exception {
        try (Connection c = store.gateway().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM participant_delivery WHERE brin = ?")) {
            ps.setString(1, SCHOOL);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The status, and a JSON Ontvangstmelding with a melding and a correlation id: never a stack trace. */
    private static void assertRefused(RestLas.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.melding()).isNotBlank();
        assertThat(answer.correlatie()).isNotBlank();
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Jansen");
    }
}
