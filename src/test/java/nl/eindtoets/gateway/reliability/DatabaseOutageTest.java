package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.eindtoets.gateway.deelnemers.ParticipantListDocument;
import org.junit.jupiter.api.Test;

/**
 * The database goes away in the middle of a load of deliveries and comes back: meanwhile requests are answered
 * Server.TijdelijkNietBeschikbaar and /ready says why; no delivery is half-written (every school has one complete
 * current list); every receipt given is in the store; service resumes by itself.
 */
class DatabaseOutageTest {

    @Test
    void databaseLostMidLoadGivesTijdelijkNietBeschikbaarWritesNothingHalfAndServiceResumes() throws Exception {
        String database = PostgresDatabases.create();
        try (TcpProxy proxy = new TcpProxy(PostgresDatabases.serverPort())) {
            Map<String, String> settings = PostgresDatabases.settings(database, proxy.port());
            settings.put("db.connection-timeout", "1s");
            try (Node node = Node.start(settings)) {
                DeliveryLoad load = new DeliveryLoad(node.baseUrl).start();
                assertThat(load.awaitReceipts(0, 9, 30_000)).isTrue();

                proxy.cut();
                int receiptsAtCut = load.receipts().size();
                Thread.sleep(2_500);
                var ready = node.ops("/ready");
                Map<String, Integer> duringOutage = load.outcomes();
                proxy.restore();
                boolean resumed = load.awaitReceipts(load.receipts().size(), 6, 30_000);
                load.stop();

                System.out.printf("database outage: sent %d, receipts %d (%d before the cut), outcomes %s%n",
                        load.sent(), load.receipts().size(), receiptsAtCut, load.outcomes());
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("database: not reachable");
                assertThat(duringOutage).containsKey("Server.TijdelijkNietBeschikbaar");
                assertThat(load.outcomes().keySet()).allMatch(o -> o.equals("accepted")
                        || o.equals("Server.TijdelijkNietBeschikbaar"));
                assertThat(resumed).isTrue();
                assertThat(node.ops("/ready").statusCode()).isEqualTo(200);

                try (Connection c = node.gateway.database().dataSource().getConnection()) {
                    assertNoHalfWrittenDelivery(c);
                    assertThat(storedIds(c)).containsAll(load.receipts().stream().map(UUID::fromString).toList());
                }
            }
        }
    }

    /** One current list per school; every delivery has its list document with exactly as many pupils as it claims. */
    static void assertNoHalfWrittenDelivery(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT brin, COUNT(*) FROM participant_delivery"
                     + " WHERE current_list IS NOT NULL GROUP BY brin")) {
            int schools = 0;
            while (rs.next()) {
                assertThat(rs.getLong(2)).as("current lists of %s", rs.getString(1)).isEqualTo(1);
                schools++;
            }
            assertThat(schools).isEqualTo(3);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.id, d.participant_count, l.document FROM participant_delivery d"
                     + " LEFT JOIN participant_list l ON l.delivery_id = d.id")) {
            while (rs.next()) {
                assertThat(rs.getString("document")).as("list of delivery %s", rs.getString("id")).isNotNull();
                assertThat(ParticipantListDocument.read(rs.getString("document")).leerlingen())
                        .as("participants of delivery %s", rs.getString("id"))
                        .hasSize(rs.getInt("participant_count"));
            }
        }
    }

    static Set<UUID> storedIds(Connection c) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM participant_delivery");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
