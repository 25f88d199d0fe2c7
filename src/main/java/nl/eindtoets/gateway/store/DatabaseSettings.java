package nl.eindtoets.gateway.store;

import java.time.Duration;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * Connection settings of the store ({@code db.*} keys).
 *
 * @param url               JDBC URL; the default embedded H2 file uses AUTO_SERVER so CLI commands can share it
 * @param user              database user
 * @param password          database password
 * @param poolSize          largest number of pooled connections
 * @param connectionTimeout how long a caller waits for a connection before the store counts as unavailable
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectionTimeout) {

    public static DatabaseSettings from(GatewayConfig config) {
        return new DatabaseSettings(config.string("db.url"), config.string("db.user"),
                config.optional("db.password") == null ? "" : config.optional("db.password"),
                config.integer("db.pool-size"), config.duration("db.connection-timeout"));
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
