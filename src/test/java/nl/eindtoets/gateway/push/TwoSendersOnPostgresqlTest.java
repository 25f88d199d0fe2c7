package nl.eindtoets.gateway.push;

import static nl.eindtoets.gateway.push.PushFixture.await;
import static nl.eindtoets.gateway.push.PushFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DatabaseSettings;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two nodes on one PostgreSQL database share the outbox: both send, and every result reaches the LAS exactly once. */
class TwoSendersOnPostgresqlTest {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void twoSendersDeliverEveryMessageOnceBetweenThem() throws Exception {
        DatabaseSettings shared = databases.settings(Engine.POSTGRESQL);
        Database nodeA = databases.open(shared);
        Database nodeB = databases.open(shared);
        try (PushFixture push = new PushFixture(nodeA)) {
            LasSimulator las = push.lasSim("las-a.p12");
            push.endpoints.put(PushFixture.ROUTING, las.baseUrl());
            push.restList("99AA", 24);
            push.restList("99AB", 24);
            push.importScores("99AA", 24, 201);
            push.importScores("99AB", 24, 202);

            Delivered byA = new Delivered();
            Delivered byB = new Delivered();
            push.pusher(settings(3), nodeA, byA);
            push.pusher(settings(3), nodeB, byB);

            await(Duration.ofSeconds(30), "48 delivered", () -> push.count("delivered") == 48);
            assertThat(las.received().all()).hasSize(48)
                    .extracting(r -> r.body().at("/resultatenscores/deelnemerref/1/onderwijsdeelnemerID").asText())
                    .doesNotHaveDuplicates();
            assertThat(las.answered(202)).isEqualTo(48);
            assertThat(push.outbox()).allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(1));
            assertThat(byA.count.get()).as("delivered by node A").isPositive();
            assertThat(byB.count.get()).as("delivered by node B").isPositive();
            assertThat(byA.count.get() + byB.count.get()).isEqualTo(48);
        }
    }

    /** Counts what one node delivered. */
    private static final class Delivered implements PushEvents {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void delivered() {
            count.incrementAndGet();
        }
    }
}
