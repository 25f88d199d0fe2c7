package nl.eindtoets.gateway.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.store.TestDatabases;

/** New empty databases on the test run's one embedded PostgreSQL server, reachable on any port (e.g. a proxy's). */
final class PostgresDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private PostgresDatabases() {
    }

    static String create() {
        String name = "rel" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = TestDatabases.postgres().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return name;
    }

    static int serverPort() {
        return TestDatabases.postgres().getPort();
    }

    /** Gateway settings for database {@code name} reached through {@code port}. */
    static Map<String, String> settings(String name, int port) {
        Map<String, String> s = new HashMap<>();
        s.put("db.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + name);
        s.put("db.user", "postgres");
        s.put("db.password", "postgres");
        s.put("db.pool-size", "6");
        return s;
    }
}
