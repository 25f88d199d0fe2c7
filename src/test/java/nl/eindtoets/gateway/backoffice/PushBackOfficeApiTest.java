package nl.eindtoets.gateway.backoffice;

import static nl.eindtoets.gateway.deelnemers.Lijsten.caller;
import static nl.eindtoets.gateway.deelnemers.Lijsten.digest;
import static nl.eindtoets.gateway.deelnemers.Lijsten.lijst;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Levering;
import nl.eindtoets.gateway.push.OutboxMessage;
import nl.eindtoets.gateway.push.OutboxQueue;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The back office's view of the result push queue and its "retry now". */
class PushBackOfficeApiTest {

    private static final String TOKEN = "test-token-" + System.nanoTime();
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private BackOfficeServer server;

    /** 99AA's list came over REST; one result of a-0 was imported through the API. */
    private void start(Engine engine) throws Exception {
        db = databases.fresh(engine);
        DevelopmentData.seedIfEmpty(db, clock);
        server = BackOfficeServer.start(new BackOfficeSettings(true, "127.0.0.1", 0, TOKEN), db, clock);
        new DeelnemersService(db, clock).register(caller("99AA"), digest("rest"),
                lijst("99AA", "a", 2, OffsetDateTime.parse("2026-11-15T10:00:00+01:00")),
                Levering.rest(Levering.Soort.STANDLEVERING, "LASA0000000000000099"));
        HttpResponse<String> imported = send("POST", "/api/results?format=csv",
                "brincode,schooljaar,leerlingid,toetscode,afnamedatum,score\n"
                        + "99AA,2026-2027,a-0,EINDTOETS-2027,2027-04-20,212\n");
        assertThat(imported.statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /** The message as a sender that got 422 leaves it. */
    private void failAt422() {
        OutboxQueue queue = new OutboxQueue(db, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC));
        OutboxMessage m = queue.claim(1, Duration.ofSeconds(60)).get(0);
        queue.failed(m, 422, "HTTP 422: Ongeldige inhoud");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anImportedResultOfARestSchoolShowsAsPendingWithItsAge(Engine engine) throws Exception {
        start(engine);

        JsonNode school = get("/api/push?schooljaar=2026-2027").get(0);

        assertThat(school.get("brincode").asText()).isEqualTo("99AA");
        assertThat(school.get("pending").asLong()).isEqualTo(1);
        assertThat(school.get("delivered").asLong()).isZero();
        assertThat(school.get("failed").asLong()).isZero();
        assertThat(school.get("oldestPendingSince").asText()).isEqualTo(NOW.toString());
        assertThat(school.get("oldestPendingAgeSeconds").asLong()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedMessageShowsItsReasonAndRetryNowMakesItPendingAgain(Engine engine) throws Exception {
        start(engine);
        failAt422();
        JsonNode failed = get("/api/push").get(0);
        assertThat(failed.get("failed").asLong()).isEqualTo(1);
        assertThat(failed.get("lastStatus").asInt()).isEqualTo(422);
        assertThat(failed.get("lastError").asText()).isEqualTo("HTTP 422: Ongeldige inhoud");

        HttpResponse<String> retried = send("POST", "/api/push/schools/99AA/2026-2027/retry", null);

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(retried.body()).get("retried").asInt()).isEqualTo(1);
        JsonNode message = get("/api/push/schools/99AA/2026-2027").get(0);
        assertThat(message.get("state").asText()).isEqualTo("pending");
        assertThat(message.get("attempts").asInt()).isZero();
        assertThat(message.get("nextAttemptAt").asText()).isEqualTo(NOW.toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void retryNowOfOneMessageByIdAnd404ForAnUnknownOne(Engine engine) throws Exception {
        start(engine);
        failAt422();
        long id = get("/api/push/schools/99AA/2026-2027").get(0).get("id").asLong();

        HttpResponse<String> retried = send("POST", "/api/push/messages/" + id + "/retry", null);
        HttpResponse<String> unknown = send("POST", "/api/push/messages/" + (id + 1000) + "/retry", null);

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(get("/api/push").get(0).get("pending").asLong()).isEqualTo(1);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
