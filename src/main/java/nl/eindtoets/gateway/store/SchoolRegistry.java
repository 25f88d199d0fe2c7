package nl.eindtoets.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Schools registered with the supplier per school year (table {@code school_registration}). */
public final class SchoolRegistry {

    private final Database database;

    public SchoolRegistry(Database database) {
        this.database = database;
    }

    /**
     * Registers the school for the year, or moves its window when it is registered already. A registration with a
     * name sets the school's name; one without keeps the name stored before.
     */
    public SchoolRegistration register(SchoolRegistration registration) {
        return database.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE school_registration SET window_opens = ?,"
                    + " window_closes = ?, schoolnaam = COALESCE(?, schoolnaam) WHERE brin = ? AND schooljaar = ?")) {
                Jdbc.setDate(ps, 1, registration.windowOpens());
                Jdbc.setDate(ps, 2, registration.windowCloses());
                ps.setString(3, registration.naam());
                ps.setString(4, registration.brin());
                ps.setString(5, registration.schooljaar());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                insert(c, registration);
            }
            return find(c, registration.brin(), registration.schooljaar(), false).orElseThrow();
        });
    }

    static void insert(Connection c, SchoolRegistration r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO school_registration (brin, schooljaar,"
                + " window_opens, window_closes, registered_at, schoolnaam) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.brin());
            ps.setString(2, r.schooljaar());
            Jdbc.setDate(ps, 3, r.windowOpens());
            Jdbc.setDate(ps, 4, r.windowCloses());
            Jdbc.setTime(ps, 5, r.registeredAt());
            ps.setString(6, r.naam());
            ps.executeUpdate();
        }
    }

    public Optional<SchoolRegistration> find(String brin, String schooljaar) {
        return database.inTransaction(c -> find(c, brin, schooljaar, false));
    }

    /**
     * Reads the registration inside the caller's transaction; with {@code lock} the row stays locked until that
     * transaction ends, which serialises everything done for the school on every node sharing the database.
     */
    public static Optional<SchoolRegistration> find(Connection c, String brin, String schooljaar, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM school_registration WHERE brin = ?"
                + " AND schooljaar = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, brin);
            ps.setString(2, schooljaar);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** All registrations, or those of one school year when {@code schooljaar} is not null; ordered by BRIN. */
    public List<SchoolRegistration> list(String schooljaar) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM school_registration"
                    + (schooljaar == null ? "" : " WHERE schooljaar = ?") + " ORDER BY schooljaar, brin")) {
                if (schooljaar != null) {
                    ps.setString(1, schooljaar);
                }
                List<SchoolRegistration> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public boolean isEmpty() {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM school_registration");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    private static SchoolRegistration read(ResultSet rs) throws SQLException {
        return new SchoolRegistration(rs.getString("brin"), rs.getString("schooljaar"),
                Jdbc.date(rs, "window_opens"), Jdbc.date(rs, "window_closes"), Jdbc.time(rs, "registered_at"),
                rs.getString("schoolnaam"));
    }
}
