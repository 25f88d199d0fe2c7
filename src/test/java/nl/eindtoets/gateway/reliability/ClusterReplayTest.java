package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.DatabaseSettings;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.JdbcReplayGuard;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Two gateway nodes on one PostgreSQL database: a signed message accepted by one node is a replay on the other,
 * and a LAS that re-signs the same delivery (same MessageID, same body) gets the original receipt from either node
 * with nothing stored twice.
 */
class ClusterReplayTest {

    private static Node node1;
    private static Node node2;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        DatabaseSettings db = new TestDatabases().settings(Engine.POSTGRESQL);
        Map<String, String> shared = new HashMap<>();
        shared.put("db.url", db.url());
        shared.put("db.user", db.user());
        shared.put("db.password", db.password());
        shared.put("db.pool-size", "4");
        node1 = Node.start(shared);
        node2 = Node.start(shared);
    }

    @AfterAll
    static void stop() {
        node2.close();
        node1.close();
    }

    @Test
    void messageAcceptedByOneNodeIsRefusedAsReplayByTheOther() throws Exception {
        EindtoetsClient toNode1 = node1.client("las-a");
        EindtoetsClient toNode2 = node2.client("las-a");
        SignedRequest signed = toNode1.signer().sign(toNode1.envelope(Operation.HAAL_LEERRESULTATEN,
                Oin.ofSchool("99AA"), nl.eindtoets.gateway.it.Samples.body("leerresultaten-99AA")).build());

        GatewayResponse first = toNode1.verify(toNode1.exchange(Operation.HAAL_LEERRESULTATEN, signed));
        GatewayResponse replayed = toNode2.verify(toNode2.exchange(Operation.HAAL_LEERRESULTATEN, signed));

        assertThat(Deliveries.outcome(first)).isEqualTo("accepted");
        assertThat(Deliveries.outcome(replayed)).isEqualTo("InvalidSecurity");
        assertThat(count("SELECT COUNT(*) FROM replay_record WHERE message_id = ? AND signer_oin = ?",
                signed.messageId(), "00000099000000001000")).isEqualTo(1);
        // Node 2 itself works: a freshly signed message is accepted there.
        assertThat(Deliveries.outcome(toNode2.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                nl.eindtoets.gateway.it.Samples.body("leerresultaten-99AA")))).isEqualTo("accepted");
    }

    @Test
    void resignedDuplicateGetsTheOriginalReceiptFromTheOtherNodeAndIsStoredOnce() throws Exception {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        Element body = Deliveries.list("99AB", 3_600);

        GatewayResponse original = sendWithMessageId(node1.client("las-a"), messageId, body);
        GatewayResponse duplicate = sendWithMessageId(node2.client("las-a"), messageId, body);
        GatewayResponse changed = sendWithMessageId(node2.client("las-a"), messageId, Deliveries.list("99AB", 3_601));

        assertThat(Deliveries.receipt(original)).isNotNull();
        assertThat(Deliveries.receipt(duplicate)).isEqualTo(Deliveries.receipt(original));
        assertThat(Deliveries.outcome(changed)).isEqualTo("Client.OngeldigBericht");
        assertThat(count("SELECT COUNT(*) FROM participant_delivery WHERE message_id = ?", messageId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM participant_list WHERE delivery_id = ?",
                UUID.fromString(Deliveries.receipt(original)))).isEqualTo(1);
    }

    @Test
    void purgeRemovesOnlyRecordsWhoseMessagesCanNoLongerBeAccepted() throws Exception {
        JdbcReplayGuard guard = new JdbcReplayGuard(node1.gateway.database(), Clock.systemUTC());
        String expired = "expired-" + UUID.randomUUID();
        String live = "live-" + UUID.randomUUID();
        guard.firstSeen(expired, null, "m-expired", Instant.now().minusSeconds(1));
        guard.firstSeen(live, null, "m-live", Instant.now().plusSeconds(600));
        Thread.sleep(1_100);

        guard.purgeExpired();

        assertThat(count("SELECT COUNT(*) FROM replay_record WHERE message_id = ?", "m-expired")).isZero();
        assertThat(count("SELECT COUNT(*) FROM replay_record WHERE message_id = ?", "m-live")).isEqualTo(1);
        assertThat(guard.firstSeen(live, null, "m-live", Instant.now().plusSeconds(600))).isFalse();
        assertThat(guard.firstSeen(expired, null, "m-expired", Instant.now().plusSeconds(600))).isTrue();
    }

    private static GatewayResponse sendWithMessageId(EindtoetsClient client, String messageId, Element body)
            throws Exception {
        return client.send(Operation.BRENG_DEELNEMERS,
                client.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AB"), body).messageId(messageId).build());
    }

    private static long count(String sql, Object... args) throws SQLException {
        try (Connection c = node1.gateway.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
