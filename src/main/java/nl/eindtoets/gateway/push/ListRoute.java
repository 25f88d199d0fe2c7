package nl.eindtoets.gateway.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the results of a school list go, decided by the list's current participant delivery: to the LAS that
 * delivered it over REST, under the routeringskenmerk it sent as {@code edu-from}; or nowhere, with the reason.
 * Read at import and again at every send, so that a result never goes to a LAS that no longer delivers the list.
 */
sealed interface ListRoute {

    String QUERY = "SELECT channel, edu_from, school_oin, signer_oin FROM participant_delivery WHERE current_list = ?";

    /** To the LAS whose REST delivery is the list's current one. */
    record ToLas(String routingId, String schoolOin, String lasOin) implements ListRoute {
    }

    /** Not pushed: why. */
    record None(String reason) implements ListRoute {
    }

    /** @param listKey {@code BRIN/dependancecode/schooljaar} */
    static ListRoute current(Connection c, String listKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            return current(ps, listKey);
        }
    }

    /** @param ps {@link #QUERY}, prepared by the caller */
    static ListRoute current(PreparedStatement ps, String listKey) throws SQLException {
        ps.setString(1, listKey);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new None("school list " + listKey + " has no current participant list");
            }
            if (!"REST".equals(rs.getString(1)) || rs.getString(2) == null) {
                return new None("the current participant list of " + listKey + " came over SOAP: its results"
                        + " are fetched with HaalLeerresultaten, not pushed");
            }
            return new ToLas(rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }
}
