package nl.eindtoets.gateway.request;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A write a stage wants kept for its request (the replay record, the mandate decision), done later in the request's
 * one transaction together with the handler's work and the audit record, so that all of it is committed or none.
 * Must have no effect outside the connection: the transaction may run it again after a lost lock race.
 */
@FunctionalInterface
public interface DurableWrite {
    void writeTo(Connection connection) throws SQLException;
}
