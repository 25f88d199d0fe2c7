package nl.eindtoets.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import nl.eindtoets.gateway.config.GatewayConfig;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connection pool and transaction boundary. Every write runs in {@link #inTransaction}: committed before
 * the caller acknowledges anything, rolled back on any failure. Work that lost a lock race or a serialisation check
 * is run again a few times, so it must not have effects outside the connection.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 4;

    private final DataSource dataSource;
    private final AutoCloseable owned;

    private Database(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.owned = owned;
    }

    /** Opens the pool from the {@code db.*} configuration keys and brings the schema up to date. */
    public static Database open(GatewayConfig config) {
        return open(DatabaseSettings.from(config));
    }

    /** Opens the pool and brings the schema up to date (Flyway, {@code classpath:db/migration}). */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource pool = pool(settings);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, pool);
    }

    /** Uses {@code dataSource} as it is: no migration, not closed by {@link #close()}. */
    public static Database wrap(DataSource dataSource) {
        return new Database(dataSource, null);
    }

    static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("eindtoets-store");
        hc.setJdbcUrl(settings.isH2() ? h2Url(settings.url()) : settings.url());
        hc.setUsername(settings.user());
        hc.setPassword(settings.password());
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        // Start even when the database is briefly away; the migration right after reports a real outage.
        hc.setInitializationFailTimeout(-1);
        if (settings.isH2() && !settings.url().toUpperCase(Locale.ROOT).contains("LOCK_TIMEOUT")) {
            // H2 waits only 1 s for a row lock by default; a large delivery holding the school lock takes longer.
            hc.setConnectionInitSql("SET LOCK_TIMEOUT 20000");
        }
        return new HikariDataSource(hc);
    }

    /**
     * The H2 URL with a larger cache of parsed statements, unless the URL sets one. A delivery runs about a dozen
     * distinct statements per session; with H2's default of 8 the least-recently-used order evicted each before it
     * came round again, so every statement was parsed anew on every request.
     */
    static String h2Url(String url) {
        return url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE") ? url : url + ";QUERY_CACHE_SIZE=64";
    }

    /** Applies pending migrations; safe to call on every start and from several nodes (Flyway locks). */
    public static void migrate(DataSource dataSource) {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("database schema migrated to version {}", result.targetSchemaVersion);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction and commits it. SQL errors become {@link StoreUnavailableException} when
     * the database is unreachable and {@link StoreException} otherwise; runtime exceptions from the work (such as a
     * refusal) roll back and pass through unchanged.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                last = e;
                if (!SqlFailures.isRetryable(e)) {
                    break;
                }
                LOG.debug("transaction lost a race (attempt {}), running it again: {}", attempt, e.getMessage());
            }
        }
        throw translate(last);
    }

    /**
     * Runs {@code work} in one transaction exactly once: for work that consumes a stream or writes to one and so
     * cannot be repeated.
     */
    public <T> T inTransactionOnce(SqlWork<T> work) {
        try {
            return once(work);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static StoreException translate(SQLException e) {
        if (SqlFailures.isUnavailable(e)) {
            return new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
        }
        if (SqlFailures.isRetryable(e)) {
            return new StoreUnavailableException("database busy: " + e.getMessage(), e);
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("closing the connection pool failed", e);
            }
        }
    }
}
