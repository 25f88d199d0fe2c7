package nl.eindtoets.gateway.push;

import static nl.eindtoets.gateway.push.PushFixture.await;
import static nl.eindtoets.gateway.push.PushFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.deelnemers.PupilReports;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.lassim.ReceivedResult;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Imported results reach the school's LAS (las-sim over mutual TLS), on H2 and on PostgreSQL. */
class ResultPushEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private PushFixture push;

    private PushFixture start(Engine engine) {
        push = new PushFixture(databases.fresh(engine));
        return push;
    }

    @AfterEach
    void stop() throws Exception {
        if (push != null) {
            push.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anImportedResultIsDeliveredToTheLasAndStoredAsDelivered(Engine engine) {
        start(engine);
        LasSimulator las = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 2);
        push.importScores("99AA", 2, 212);

        push.pusher(settings(4));

        await(WAIT, "both delivered", () -> push.count("delivered") == 2);
        assertThat(las.answered(202)).isEqualTo(2);
        List<ReceivedResult> received = las.received().all();
        assertThat(received).allSatisfy(r -> {
            assertThat(r.eduTo()).isEqualTo(PushFixture.ROUTING);
            assertThat(r.eduFrom()).isEqualTo(Oin.ofSchool("99AA").value());
            assertThat(r.supplierOin()).isEqualTo(PushFixture.GATEWAY_OIN);
        });
        Map<String, String> reportIds = new PupilReports(push.db).ids("99AA", "00", Lijsten.SCHOOLJAAR);
        JsonNode rs = received.stream().map(ReceivedResult::body)
                .filter(b -> b.at("/resultatenscores/deelnemerref/1/onderwijsdeelnemerID").asText().equals("99AA-0"))
                .findFirst().orElseThrow().get("resultatenscores");
        assertThat(rs.at("/deelnemerref/0/onderwijsdeelnemerID").asText()).isEqualTo(Lijsten.eckid("99AA", 0));
        assertThat(rs.at("/scores/scores/0/label").asText()).isEqualTo("Eindtoetsscore");
        assertThat(rs.at("/scores/scores/0/waarde").asText()).isEqualTo("212");
        assertThat(rs.at("/scores/scores/1/toetseenheid").asText()).isEqualTo("REKENEN");
        assertThat(rs.at("/resultaten/aanvullendeinfo").asText()).isEqualTo(
                "https://toets.example/doorstroomtoets/leerlingrapport/" + reportIds.get(Lijsten.eckid("99AA", 0)));
        assertThat(push.outbox()).allSatisfy(row -> {
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(row.get("last_status")).isEqualTo(202);
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDeliveredResultCarriesTheImportedAdviceAndReferenceLevel(Engine engine) {
        start(engine);
        LasSimulator las = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1);
        push.importWithLevelAndAdvice("99AA", 212, "havo/vwo", "1S");

        push.pusher(settings(1));

        await(WAIT, "delivered", () -> push.count("delivered") == 1);
        // las-sim took it (202), so the body passed the Leerlingresultaat schema with its Resultaten.
        JsonNode resultaten = las.received().all().get(0).body().at("/resultatenscores/resultaten/resultaten");
        assertThat(resultaten).hasSize(2);
        assertThat(resultaten.get(0).get("label").asText()).isEqualTo("Toetsadvies");
        assertThat(resultaten.get(0).get("waarde").asText()).isEqualTo("havo/vwo");
        assertThat(resultaten.get(0).has("toetseenheid")).isFalse();
        assertThat(resultaten.get(1).get("label").asText()).isEqualTo("Referentieniveau");
        assertThat(resultaten.get(1).get("toetseenheid").asText()).isEqualTo("REKENEN");
        assertThat(resultaten.get(1).get("waarde").asText()).isEqualTo("1S");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLasAnswering503IsTriedAgainUntilItTakesTheResult(Engine engine) {
        start(engine);
        LasSimulator las = push.lasSim("las-a.p12");
        las.failNext(503, 1);
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 200);

        push.pusher(settings(1));

        await(WAIT, "delivered after a retry", () -> push.count("delivered") == 1);
        assertThat(las.answered(503)).isEqualTo(1);
        assertThat(las.answered(202)).isEqualTo(1);
        assertThat(push.outbox().get(0).get("attempts")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a422FailsTheMessageWithTheLasReasonAndIsNotTriedAgain(Engine engine) throws Exception {
        start(engine);
        LasSimulator las = push.lasSim("las-a.p12");
        las.failNext(422, 1);
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 200);

        push.pusher(settings(1));

        await(WAIT, "failed", () -> push.count("failed") == 1);
        Map<String, Object> row = push.outbox().get(0);
        assertThat(row.get("last_status")).isEqualTo(422);
        assertThat((String) row.get("last_error")).contains("HTTP 422").contains("Gesimuleerde fout");
        Thread.sleep(300); // several poll intervals of 50 ms
        assertThat(las.answered(422) + las.answered(202)).isEqualTo(1);
        assertThat(push.outbox().get(0).get("attempts")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLaterImportReplacesThePendingMessageSoOnlyTheNewResultIsSent(Engine engine) {
        start(engine);
        LasSimulator las = push.lasSim("las-a.p12");
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
        push.importScores("99AA", 1, 212);
        assertThat(push.outbox()).singleElement().satisfies(row -> {
            assertThat(row.get("state")).isEqualTo("pending");
            assertThat(row.get("version")).isEqualTo(2);
        });

        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        push.pusher(settings(1));

        await(WAIT, "delivered", () -> push.count("delivered") == 1);
        assertThat(las.received().all()).singleElement().satisfies(r -> assertThat(
                r.body().at("/resultatenscores/scores/scores/0/waarde").asText()).isEqualTo("212"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutAKnownEndpointTheMessageWaitsWithItsReason(Engine engine) {
        start(engine);
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);

        push.pusher(settings(1));

        await(WAIT, "an attempt", () -> ((Number) push.outbox().get(0).get("attempts")).intValue() >= 1);
        assertThat(push.outbox().get(0).get("state")).isEqualTo("pending");
        assertThat((String) push.outbox().get(0).get("last_error"))
                .isEqualTo("no LAS endpoint known for routeringskenmerk " + PushFixture.ROUTING);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLasWhoseCertificateCarriesAnotherOinIsNotSentTheResult(Engine engine) {
        start(engine);
        LasSimulator other = push.lasSim("las-b.p12");
        push.endpoints.put(PushFixture.ROUTING, other.baseUrl());
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);

        push.pusher(settings(1));

        await(WAIT, "an attempt", () -> ((Number) push.outbox().get(0).get("attempts")).intValue() >= 1);
        Map<String, Object> row = push.outbox().get(0);
        assertThat(row.get("state")).isEqualTo("pending");
        assertThat((String) row.get("last_error")).contains("00000099000000003000")
                .contains("not the expected 00000099000000001000");
        assertThat(other.received().total()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void messagesPendingWhenTheSenderStopsAreAllDeliveredOnceAfterARestart(Engine engine) throws Exception {
        start(engine);
        LasSimulator las = push.lasSim("las-a.p12");
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
        las.stop();
        push.restList("99AA", 12);
        push.importScores("99AA", 12, 190);
        ResultPusher first = push.pusher(settings(4));
        await(WAIT, "every message tried", () -> push.outbox().stream()
                .allMatch(r -> ((Number) r.get("attempts")).intValue() >= 1));
        first.close();
        assertThat(push.count("pending")).isEqualTo(12);

        las.start();
        push.pusher(settings(4));

        await(WAIT, "all delivered", () -> push.count("delivered") == 12);
        assertThat(las.received().all()).hasSize(12)
                .extracting(r -> r.body().at("/resultatenscores/deelnemerref/1/onderwijsdeelnemerID").asText())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLasThatStallsAfterItsHeadersCostsOneTimedOutAttemptAndThePushGoesOn(Engine engine) {
        start(engine);
        try (ScriptedLas stalling = ScriptedLas.stallingAfterHeaders(202)) {
            LasSimulator las = push.lasSim("las-a.p12");
            push.endpoints.put(PushFixture.ROUTING, stalling.baseUrl());
            push.restList("99AA", 1);
            push.importScores("99AA", 1, 180);

            push.pusher(settings(1));

            await(WAIT, "a timed-out attempt", () -> ((Number) push.outbox().get(0).get("attempts")).intValue() >= 1);
            assertThat(push.outbox().get(0).get("state")).isEqualTo("pending");
            assertThat((String) push.outbox().get(0).get("last_error")).contains("no complete answer");
            push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
            await(WAIT, "delivered once the LAS answers", () -> push.count("delivered") == 1);
        }
    }
}
