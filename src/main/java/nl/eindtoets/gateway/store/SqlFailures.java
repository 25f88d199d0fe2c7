package nl.eindtoets.gateway.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Sorts database errors into "unreachable", "try again" and "a real error", for H2 and PostgreSQL alike. */
final class SqlFailures {

    private SqlFailures() {
    }

    static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 57P0x: server shutting down; 53: insufficient resources
                if (state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Serialisation failure, deadlock or lock timeout: the same work may succeed when run again. */
    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state) || "55P03".equals(state);
    }

    /** Unique or primary-key violation. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * What a log line may say about a failed statement: its SQLState and the first line of the message, without the
     * statement or the failing row that H2 and PostgreSQL append (a participant list's row holds pupils' names).
     */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof SQLException)) {
            t = t.getCause();
        }
        if (t == null) {
            return e.toString();
        }
        String message = String.valueOf(t.getMessage());
        int end = message.length();
        for (String cut : new String[] {"\n", "; SQL statement", "\r"}) {
            int i = message.indexOf(cut);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return "SQLState " + ((SQLException) t).getSQLState() + ": " + message.substring(0, Math.min(end, 200));
    }
}
