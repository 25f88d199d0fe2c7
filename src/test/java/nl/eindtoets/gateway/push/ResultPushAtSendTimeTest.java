package nl.eindtoets.gateway.push;

import static nl.eindtoets.gateway.push.PushFixture.await;
import static nl.eindtoets.gateway.push.PushFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.mandate.OsrMandateClient;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is decided again when a waiting result is sent, not at its import: the route (the school list's current
 * delivery), the LAS's mandate for the school, and whether enough of the lease is left to post.
 */
class ResultPushAtSendTimeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Oin LAS_B = new Oin("00000099000000003000");
    private static final String NEW_ROUTING = "LASA0000000000000098";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private PushFixture push;

    @BeforeEach
    void start() {
        push = new PushFixture(databases.fresh(Engine.H2));
    }

    @AfterEach
    void stop() throws Exception {
        push.close();
    }

    private Map<String, Object> row() {
        return push.outbox().get(0);
    }

    @Test
    void aWaitingResultGoesUnderTheRoutingOfTheSchoolsCurrentList() {
        LasSimulator old = push.lasSim("las-a.p12");
        LasSimulator current = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, old.baseUrl());
        push.endpoints.put(NEW_ROUTING, current.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
        push.restList("99AA", 1, Lijsten.LAS_A, NEW_ROUTING);

        push.pusher(settings(1));

        await(WAIT, "delivered", () -> push.count("delivered") == 1);
        assertThat(current.received().all()).singleElement()
                .satisfies(r -> assertThat(r.eduTo()).isEqualTo(NEW_ROUTING));
        assertThat(old.received().total()).isZero();
    }

    @Test
    void aWaitingResultOfASchoolWhoseListNowCameOverSoapFailsWithTheReason() {
        LasSimulator las = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
        new DeelnemersService(push.db, push.clock).bring(Lijsten.caller("99AA"), Lijsten.digest("soap"),
                Lijsten.lijst("99AA", "99AA", 1, PushFixture.NOV_15.plusDays(1)));

        push.pusher(settings(1));

        await(WAIT, "failed", () -> push.count("failed") == 1);
        assertThat((String) row().get("last_error")).contains("came over SOAP");
        assertThat(las.received().total()).isZero();
    }

    @Test
    void aLasWhoseMandateForTheSchoolEndedIsNotSentTheResult() {
        LasSimulator las = push.lasSim("las-b.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1, LAS_B, PushFixture.ROUTING); // las-b's mandate for 99AA ended in 2025

        push.importScores("99AA", 1, 180);
        push.pusher(settings(1));

        await(WAIT, "failed", () -> push.count("failed") == 1);
        assertThat((String) row().get("last_error")).isEqualTo("LAS 00000099000000003000 holds no mandate of school "
                + Oin.ofSchool("99AA").value() + " for " + DevOsr.NAMESPACE + " today");
        assertThat(las.received().total()).isZero();
    }

    @Test
    void aResultWhoseMandateCannotBeCheckedWaitsForTheRegister() {
        LasSimulator las = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
        // The OSR does not answer: nothing listens on port 1.
        OsrMandateClient unreachable = new OsrMandateClient(DevOsr.connection(URI.create("https://127.0.0.1:1")));

        push.pusher(settings(1), push.endpoints, PushFixture.mandates(unreachable));

        await(WAIT, "an attempt", () -> ((Number) row().get("attempts")).intValue() >= 1);
        assertThat(row().get("state")).isEqualTo("pending");
        assertThat((String) row().get("last_error")).isEqualTo("mandate register unavailable");
        assertThat(las.received().total()).isZero();
    }

    @Test
    void aMessageWhoseLookupsUsedUpTheLeaseIsNotPosted() {
        LasSimulator las = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
        // connect 1s + read 1s + the 2s margin = a 4s lease; a lookup of 2.5s leaves less than connect + read + 1s.
        PushSettings tight = new PushSettings(true, Duration.ofMillis(50), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofHours(1), Duration.ofDays(30), "https://toets.example/doorstroomtoets");
        LasEndpoints slow = (routingId, schoolOin) -> {
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            return push.endpoints.find(routingId, schoolOin);
        };

        push.pusher(tight, slow, push.mandates);

        await(WAIT, "an attempt", () -> ((Number) row().get("attempts")).intValue() >= 1);
        assertThat(row().get("state")).isEqualTo("pending");
        assertThat((String) row().get("last_error")).startsWith("not posted: the lookups before it left");
        assertThat(las.received().total()).isZero();
    }
}
