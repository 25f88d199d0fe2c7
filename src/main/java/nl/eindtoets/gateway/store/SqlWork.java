package nl.eindtoets.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection, run inside a transaction by {@link Database}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
