package nl.eindtoets.gateway.leerresultaten;

import java.sql.Connection;
import java.sql.SQLException;
import nl.eindtoets.gateway.contract.LeerresultatenAntwoord;
import nl.eindtoets.gateway.contract.LeerresultatenVerzoek;
import nl.eindtoets.gateway.request.RequestIdentity;

/**
 * The handler of {@code HaalLeerresultaten}: runs once every stage of the chain has passed, reading in the request's
 * one transaction (which keeps the request's audit record).
 */
@FunctionalInterface
public interface LeerresultatenHandler {

    LeerresultatenAntwoord handle(Connection connection, RequestIdentity identity, LeerresultatenVerzoek request)
            throws SQLException;
}
