package nl.eindtoets.gateway.deelnemers;

import java.sql.Connection;
import java.sql.SQLException;
import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.request.RequestIdentity;

/**
 * The handler of {@code BrengDeelnemers}: runs once every stage of the chain has passed, in the request's one
 * transaction.
 */
@FunctionalInterface
public interface DeelnemersHandler {

    /**
     * @param connection the request's transaction: the receipt holds once the chain commits it
     * @param bodyDigest SHA-256 of the payload's canonical form, which recognises a resent delivery
     */
    DeelnemersOntvangst handle(Connection connection, RequestIdentity identity, String bodyDigest,
                               DeelnemersAanlevering request) throws SQLException;
}
