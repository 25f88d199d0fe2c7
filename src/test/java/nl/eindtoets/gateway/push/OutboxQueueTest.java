package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox's claims and outcomes, without a LAS: leases, versions and which schools get messages at all. */
class OutboxQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private PushFixture push;
    private Instant now;
    private OutboxQueue queue;

    private void start(Engine engine) {
        push = new PushFixture(databases.fresh(engine));
        now = Instant.now().plusSeconds(5); // after the imports the tests make, which are due at once
        queue = new OutboxQueue(push.db, Clock.fixed(now, ZoneOffset.UTC));
    }

    private OutboxQueue at(Duration later) {
        return new OutboxQueue(push.db, Clock.fixed(now.plus(later), ZoneOffset.UTC));
    }

    /** One pupil of 99AA (a REST list) with an imported result, its message claimed now. */
    private OutboxMessage importedAndClaimed() {
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
        return queue.claim(10, LEASE).get(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSchoolWhoseListCameOverSoapGetsNoMessage(Engine engine) {
        start(engine);
        new DeelnemersService(push.db, push.clock).bring(Lijsten.caller("99AA"), Lijsten.digest("soap"),
                Lijsten.lijst("99AA", "99AA", 2, PushFixture.NOV_15));

        push.importScores("99AA", 2, 200);

        assertThat(push.outbox()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aClaimedMessageIsNotClaimedAgainWhileItsLeaseRuns(Engine engine) {
        start(engine);
        importedAndClaimed();

        assertThat(queue.claim(10, LEASE)).isEmpty();
        assertThat(at(LEASE.minusSeconds(1)).claim(10, LEASE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMessageWhoseLeaseExpiredIsDueAgainAndTheOldLeaseCanNoLongerComplete(Engine engine) {
        start(engine);
        OutboxMessage lost = importedAndClaimed();

        List<OutboxMessage> again = at(LEASE.plusSeconds(1)).claim(10, LEASE);

        assertThat(again).singleElement().satisfies(m -> assertThat(m.leaseToken()).isNotEqualTo(lost.leaseToken()));
        assertThat(queue.delivered(lost, 202)).isFalse();
        assertThat(push.count("pending")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aResultReplacedDuringItsSendStaysPendingWithTheNewBody(Engine engine) {
        start(engine);
        OutboxMessage inFlight = importedAndClaimed();
        push.importScores("99AA", 1, 212);

        assertThat(queue.delivered(inFlight, 202)).isFalse();

        Map<String, Object> row = push.outbox().get(0);
        assertThat(row.get("state")).isEqualTo("pending");
        assertThat((String) row.get("body")).contains("\"waarde\":\"212\"");
        assertThat(queue.claim(10, LEASE)).singleElement().satisfies(m -> assertThat(m.version()).isEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRetriedMessageIsDueOnlyAtItsNextAttempt(Engine engine) {
        start(engine);
        OutboxMessage m = importedAndClaimed();

        queue.retryAt(m, 503, "HTTP 503", now.plusSeconds(60));

        assertThat(at(Duration.ofSeconds(59)).claim(10, LEASE)).isEmpty();
        assertThat(at(Duration.ofSeconds(60)).claim(10, LEASE)).singleElement()
                .satisfies(again -> assertThat(again.attempts()).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void retryNowMakesAFailedMessagePendingAndDueAgain(Engine engine) {
        start(engine);
        OutboxMessage m = importedAndClaimed();
        queue.failed(m, 422, "HTTP 422: refused");
        OutboxStatus status = new OutboxStatus(push.db, Clock.fixed(now, ZoneOffset.UTC));
        assertThat(status.schools(null)).singleElement().satisfies(s -> {
            assertThat(s.failed()).isEqualTo(1);
            assertThat(s.lastStatus()).isEqualTo(422);
            assertThat(s.lastError()).isEqualTo("HTTP 422: refused");
        });

        assertThat(status.retrySchool("99AA", "00", Lijsten.SCHOOLJAAR)).isEqualTo(1);

        assertThat(queue.claim(10, LEASE)).singleElement().satisfies(again -> assertThat(again.attempts()).isZero());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedAttemptOfAReplacedBodyNeitherDelaysNorMarksTheNewBody(Engine engine) {
        start(engine);
        OutboxMessage oldBody = importedAndClaimed();
        push.importScores("99AA", 1, 212);

        queue.retryAt(oldBody, 503, "HTTP 503: busy", now.plusSeconds(60));

        Map<String, Object> row = push.outbox().get(0);
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat(row.get("last_status")).isNull();
        assertThat(row.get("last_error")).isNull();
        assertThat(queue.claim(10, LEASE)).singleElement().satisfies(m -> assertThat(m.version()).isEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusalOfAReplacedBodyLeavesTheNewBodyWithoutItsError(Engine engine) {
        start(engine);
        OutboxMessage oldBody = importedAndClaimed();
        push.importScores("99AA", 1, 212);

        assertThat(queue.failed(oldBody, 422, "HTTP 422: refused")).isFalse();

        Map<String, Object> row = push.outbox().get(0);
        assertThat(row.get("state")).isEqualTo("pending");
        assertThat(row.get("last_status")).isNull();
        assertThat(row.get("last_error")).isNull();
        assertThat(row.get("attempts")).isEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deliveredMessagesArePurgedAfterTheRetentionAndOthersKept(Engine engine) {
        start(engine);
        push.restList("99AA", 2);
        push.importScores("99AA", 2, 180);
        List<OutboxMessage> claimed = queue.claim(10, LEASE);
        queue.delivered(claimed.get(0), 202);
        queue.retryAt(claimed.get(1), 503, "HTTP 503", now);

        assertThat(at(Duration.ofDays(30).minusSeconds(1)).purgeDelivered(Duration.ofDays(30))).isZero();
        assertThat(at(Duration.ofDays(30).plusSeconds(1)).purgeDelivered(Duration.ofDays(30))).isEqualTo(1);

        assertThat(push.outbox()).singleElement().satisfies(row -> assertThat(row.get("state")).isEqualTo("pending"));
    }
}
