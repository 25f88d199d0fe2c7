package nl.eindtoets.gateway.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Counts the deliveries a gateway stored durably, read after the run from outside the gateway process, so the
 * benchmark can compare it with the receipts the gateway handed out. Empty when no store is there to count.
 */
interface DeliveryCounter {

    OptionalLong storedDeliveries();

    /** Why the count is what it is (where it was read, or why it could not be). */
    String describe();

    /** For a gateway without a store. */
    static DeliveryCounter none(String reason) {
        return new DeliveryCounter() {
            @Override
            public OptionalLong storedDeliveries() {
                return OptionalLong.empty();
            }

            @Override
            public String describe() {
                return reason;
            }
        };
    }

    /**
     * Counts rows of the store's delivery table through JDBC with the gateway's own {@code db.url}; an H2 file
     * database must be opened with AUTO_SERVER=TRUE so a second process can read it while the gateway runs.
     */
    static DeliveryCounter jdbc(String url, String user, String password, String table) {
        return new DeliveryCounter() {
            private String outcome = "not counted yet";

            @Override
            public OptionalLong storedDeliveries() {
                String readUrl = url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("IFEXISTS")
                        ? url + ";IFEXISTS=TRUE" : url;
                try (Connection c = DriverManager.getConnection(readUrl, user, password);
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    long n = rs.getLong(1);
                    outcome = "counted " + n + " rows of " + table + " at " + url;
                    return OptionalLong.of(n);
                } catch (SQLException e) {
                    outcome = "no store to count at " + url + " (" + e.getMessage().lines().findFirst().orElse("")
                            + ")";
                    return OptionalLong.empty();
                }
            }

            @Override
            public String describe() {
                return outcome;
            }
        };
    }
}
