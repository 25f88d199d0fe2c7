package nl.eindtoets.gateway.deelnemers;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;

/**
 * The report id of every pupil on a current list: 32 bytes of {@link SecureRandom}, base64url, so that an id can be
 * neither guessed nor derived from the pupil, the school or another id. Assigned once per pupil and kept.
 */
public final class PupilReports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;

    /** Where a report id belongs. */
    public record PupilReport(String rapportid, String brin, String dependancecode, String schooljaar,
                              String pupilRef) {
    }

    public PupilReports(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Gives every pupil of {@code pupils} that has none its report id; in the caller's transaction. */
    static void assign(Connection c, String brin, String dependancecode, String schooljaar, List<Leerling> pupils,
                       Instant now) throws SQLException {
        Map<String, String> known = ids(c, brin, dependancecode, schooljaar);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pupil_report (rapportid, brin, dependancecode,"
                + " schooljaar, pupil_ref, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (Leerling l : pupils) {
                if (known.putIfAbsent(l.ref(), "") == null) {
                    ps.setString(1, newId());
                    ps.setString(2, brin);
                    ps.setString(3, dependancecode);
                    ps.setString(4, schooljaar);
                    ps.setString(5, l.ref());
                    Jdbc.setTime(ps, 6, now);
                    ps.addBatch();
                    batched++;
                }
            }
            if (batched > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The report id per {@link Leerling#ref()} of the school list. */
    public Map<String, String> ids(String brin, String dependancecode, String schooljaar) {
        return database.inTransaction(c -> ids(c, brin, dependancecode, schooljaar));
    }

    /** The report with this id, if it belongs to a pupil of {@code brin}; any other id is not found. */
    public Optional<PupilReport> find(String brin, String rapportid) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT dependancecode, schooljaar, pupil_ref"
                    + " FROM pupil_report WHERE rapportid = ? AND brin = ?")) {
                ps.setString(1, rapportid);
                ps.setString(2, brin);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new PupilReport(rapportid, brin, rs.getString(1),
                            rs.getString(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    /** The report id per {@link Leerling#ref()} of the school list, in the caller's transaction. */
    public static Map<String, String> ids(Connection c, String brin, String dependancecode, String schooljaar)
            throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pupil_ref, rapportid FROM pupil_report"
                + " WHERE brin = ? AND dependancecode = ? AND schooljaar = ?")) {
            ps.setString(1, brin);
            ps.setString(2, dependancecode);
            ps.setString(3, schooljaar);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
