package nl.eindtoets.gateway.ops;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ready when a pooled connection to the store answers within two seconds. */
public final class DatabaseReadiness implements ReadinessCheck {

    private final DataSource dataSource;

    public DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String problem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? null : "not reachable";
        } catch (SQLException e) {
            return "not reachable";
        }
    }
}
