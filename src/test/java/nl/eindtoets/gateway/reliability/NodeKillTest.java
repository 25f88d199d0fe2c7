package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process killed with SIGKILL in the middle of a load loses no delivery it acknowledged: after a restart
 * on the same database every receipt the load generator received is in the store, and no list is half-written.
 */
class NodeKillTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedDeliverySurvivesSigkillOfTheNode() throws Exception {
        String database = PostgresDatabases.create();
        Map<String, String> settings = PostgresDatabases.settings(database, PostgresDatabases.serverPort());
        try (GatewayProcess gateway = new GatewayProcess(dir, settings, Map.of())) {
            gateway.start();
            DeliveryLoad load = new DeliveryLoad(gateway.baseUrl).start();
            assertThat(load.awaitReceipts(0, 12, 60_000)).isTrue();

            gateway.kill();
            int receiptsAtKill = load.receipts().size();
            int sentAtKill = load.sent();
            gateway.start();
            boolean resumed = load.awaitReceipts(load.receipts().size(), 6, 60_000);
            load.stop();

            List<String> receipts = load.receipts();
            Set<UUID> stored;
            try (Connection c = DriverManager.getConnection(settings.get("db.url"), "postgres", "postgres")) {
                stored = DatabaseOutageTest.storedIds(c);
                DatabaseOutageTest.assertNoHalfWrittenDelivery(c);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM participant_delivery")) {
                    rs.next();
                    System.out.printf("SIGKILL under load: sent %d (%d before the kill), receipts %d (%d before the"
                                    + " kill), deliveries stored %d, outcomes %s%n", load.sent(), sentAtKill,
                            receipts.size(), receiptsAtKill, rs.getLong(1), load.outcomes());
                }
            }
            assertThat(resumed).isTrue();
            assertThat(stored).containsAll(receipts.stream().map(UUID::fromString).toList());
        }
    }
}
