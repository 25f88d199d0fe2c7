package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.eindtoets.gateway.it.RestBodies.Pupil;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.lassim.ReceivedResults;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.push.ConfiguredLasEndpoints;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole return flow through a running gateway: las-a delivers a list over the REST front door, the supplier
 * imports a result through the back office, and the gateway's sender pushes it to las-sim over mutual TLS with the
 * gateway's own key; /metrics counts it.
 */
class ResultPushGatewayEndToEndTest {

    private static final String SCHOOL = "97BA";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private StoreGateway store;
    private LasSimulator las;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (las != null) {
            las.close();
        }
    }

    @Test
    void aResultImportedForASchoolOfARestListReachesItsLasAndIsCounted(@TempDir Path dir) throws Exception {
        store = StoreGateway.start(dir, StoreGateway.h2(dir), List.of(SCHOOL), Map.of("push.poll-interval", "100ms",
                "push.backoff.initial", "50ms", "push.backoff.max", "200ms"));
        store.registerOpen(SCHOOL);
        las = new LasSimulator("127.0.0.1", 0, MutualTlsContext.context(Path.of("certs-dev/las-a.p12"), PASSWORD,
                null, Path.of("certs-dev/truststore.p12"), PASSWORD), Set.of(new Oin("00000099000000002000")),
                Set.of(), new ReceivedResults(100, null), Clock.systemUTC()).start();
        new ConfiguredLasEndpoints(store.gateway().database(), Clock.systemUTC())
                .put(RestLas.ROUTERINGSKENMERK, las.baseUrl());
        RestLas.Answer delivered = RestLas.as(store.gateway(), "las-a").registreren(SCHOOL, RestBodies.lijst(SCHOOL,
                "2026-12-01T08:00:00Z", List.of(new Pupil("lln-p1", RestBodies.eckid('7'), "Jansen"))));
        assertThat(delivered.status()).as(delivered.raw()).isEqualTo(202);

        HttpResponse<String> imported = store.post("/api/results", "application/json", """
                [{"brincode":"%s","schooljaar":"2026-2027","leerlingid":"lln-p1","toetscode":"EINDTOETS-2027",
                  "afnamedatum":"2027-04-20","score":212}]""".formatted(SCHOOL));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (las.received().total() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(las.received().all()).singleElement().satisfies(r -> {
            assertThat(r.eduTo()).isEqualTo(RestLas.ROUTERINGSKENMERK);
            assertThat(r.eduFrom()).isEqualTo(Oin.ofSchool(SCHOOL).value());
            JsonNode rs = r.body().get("resultatenscores");
            assertThat(rs.at("/deelnemerref/0/onderwijsdeelnemerID").asText()).isEqualTo(RestBodies.eckid('7'));
            assertThat(rs.at("/scores/scores/0/waarde").asText()).isEqualTo("212");
            assertThat(rs.at("/resultaten/aanvullendeinfo").asText())
                    .startsWith(store.gateway().baseUrl() + "/doorstroomtoets/leerlingrapport/");
        });
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.json("/api/push").get(0).get("delivered").asLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.json("/api/push").get(0).get("delivered").asLong()).isEqualTo(1);
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + store.gateway().opsPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("gateway_push_attempts_total{outcome=\"delivered\"} 1.0")
                .contains("gateway_push_pending 0.0");
    }
}
