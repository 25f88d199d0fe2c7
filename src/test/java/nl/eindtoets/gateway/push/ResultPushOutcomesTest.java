package nl.eindtoets.gateway.push;

import static nl.eindtoets.gateway.push.PushFixture.await;
import static nl.eindtoets.gateway.push.PushFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** How each answer of a LAS ends a message (docs/push.md, failure semantics), and what the log says of it. */
class ResultPushOutcomesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private PushFixture push;

    @BeforeEach
    void start() {
        push = new PushFixture(databases.fresh(Engine.H2));
        push.restList("99AA", 1);
        push.importScores("99AA", 1, 180);
    }

    @AfterEach
    void stop() throws Exception {
        push.close();
    }

    private Map<String, Object> row() {
        return push.outbox().get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 405})
    void aRefusalOfTheLasFailsTheMessageAtOnce(int status) throws Exception {
        LasSimulator las = push.lasSim("las-a.p12");
        las.failNext(status, 1);
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());

        push.pusher(settings(1));

        await(WAIT, "failed", () -> push.count("failed") == 1);
        assertThat(row().get("last_status")).isEqualTo(status);
        assertThat((String) row().get("last_error")).startsWith("HTTP " + status);
        Thread.sleep(300); // several poll intervals of 50 ms
        assertThat(las.answered(status) + las.answered(202)).isEqualTo(1);
    }

    @Test
    void aRedirectIsNotFollowedAndFailsTheMessage() {
        try (ScriptedLas redirecting = ScriptedLas.answering(302)) {
            push.endpoints.put(PushFixture.ROUTING, redirecting.baseUrl());

            push.pusher(settings(1));

            await(WAIT, "failed", () -> push.count("failed") == 1);
            assertThat(row().get("last_status")).isEqualTo(302);
        }
    }

    @Test
    void aMessageStillNotDeliveredAfterTheGiveUpAgeFails() {
        LasSimulator las = push.lasSim("las-a.p12");
        las.failNext(503, 1_000);
        push.endpoints.put(PushFixture.ROUTING, las.baseUrl());

        push.pusher(settings(1, Duration.ofMillis(500)));

        await(WAIT, "given up", () -> push.count("failed") == 1);
        assertThat(row().get("last_status")).isEqualTo(503);
        assertThat((String) row().get("last_error")).startsWith("gave up after").contains("HTTP 503");
        assertThat(las.answered(202)).isZero();
    }

    @Test
    void theRetryLogLineNamesTheStatusButNotTheLasMelding() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger pusherLog = (Logger) LoggerFactory.getLogger(ResultPusher.class);
        pusherLog.addAppender(log);
        try {
            LasSimulator las = push.lasSim("las-a.p12");
            las.failNext(503, 1);
            push.endpoints.put(PushFixture.ROUTING, las.baseUrl());

            push.pusher(settings(1));

            await(WAIT, "delivered after a retry", () -> push.count("delivered") == 1);
        } finally {
            pusherLog.detachAppender(log);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("status=503").contains("retry in"))
                .noneSatisfy(line -> assertThat(line).contains("Gesimuleerde"));
    }
}
