package nl.eindtoets.gateway.push;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;

/** What an operator sees of the outbox and may do to it: counts per school, and "retry now". */
public final class OutboxStatus {

    private final Database database;
    private final Clock clock;

    public OutboxStatus(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One school list's messages.
     *
     * @param oldestPendingSince when the longest-waiting pending message was enqueued; null when none is pending
     * @param lastError          the reason of the most recently changed message that has one (pending or failed)
     */
    public record School(String brin, String dependancecode, String schooljaar, long pending, long delivered,
                         long failed, Instant oldestPendingSince, Integer lastStatus, String lastError) {
    }

    /** The whole queue, for the metrics: pending messages and the age of the oldest. */
    public record Summary(long pending, Duration oldestPendingAge) {
    }

    /** A message as the back office lists it: no pupil data beyond the report-free reference. */
    public record Message(long id, String state, int attempts, Instant nextAttemptAt, Integer lastStatus,
                          String lastError, Instant pendingSince, Instant deliveredAt) {
    }

    /** Per school list (of {@code schooljaar} when not null), ordered by school. */
    public List<School> schools(String schooljaar) {
        return database.inTransaction(c -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Instant> oldest = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT brin, dependancecode, schooljaar, state, COUNT(*),"
                    + " MIN(pending_since) AS oldest FROM result_outbox" + (schooljaar == null ? "" : " WHERE schooljaar = ?")
                    + " GROUP BY brin, dependancecode, schooljaar, state ORDER BY brin, dependancecode, schooljaar")) {
                if (schooljaar != null) {
                    ps.setString(1, schooljaar);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3);
                        long[] n = counts.computeIfAbsent(key, k -> new long[3]);
                        switch (rs.getString(4)) {
                            case "pending" -> {
                                n[0] = rs.getLong(5);
                                oldest.put(key, Jdbc.time(rs, "oldest"));
                            }
                            case "delivered" -> n[1] = rs.getLong(5);
                            default -> n[2] = rs.getLong(5);
                        }
                    }
                }
            }
            List<School> out = new ArrayList<>();
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                String[] k = e.getKey().split("/");
                Object[] last = lastError(c, k[0], k[1], k[2]);
                out.add(new School(k[0], k[1], k[2], e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        oldest.get(e.getKey()), (Integer) last[0], (String) last[1]));
            }
            return out;
        });
    }

    /** The messages of one school list, newest change first (at most {@code limit}). */
    public List<Message> messages(String brin, String dependancecode, String schooljaar, int limit) {
        return database.inTransaction(c -> {
            List<Message> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, state, attempts, next_attempt_at, last_status,"
                    + " last_error, pending_since, delivered_at FROM result_outbox WHERE brin = ?"
                    + " AND dependancecode = ? AND schooljaar = ? ORDER BY updated_at DESC, id LIMIT ?")) {
                ps.setString(1, brin);
                ps.setString(2, dependancecode);
                ps.setString(3, schooljaar);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Message(rs.getLong(1), rs.getString(2), rs.getInt(3),
                                Jdbc.time(rs, "next_attempt_at"), Jdbc.integer(rs, "last_status"),
                                rs.getString(6), Jdbc.time(rs, "pending_since"), Jdbc.time(rs, "delivered_at")));
                    }
                }
            }
            return out;
        });
    }

    public Summary summary() {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), MIN(pending_since) AS oldest FROM result_outbox WHERE state = 'pending'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant oldest = Jdbc.time(rs, "oldest");
                return new Summary(rs.getLong(1),
                        oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()));
            }
        });
    }

    /**
     * Makes the school list's failed and pending messages due now (failed ones pending again, with attempts and
     * waiting time counted afresh); messages being sent keep their lease. Returns how many were changed.
     */
    public int retrySchool(String brin, String dependancecode, String schooljaar) {
        return retry(" AND brin = ? AND dependancecode = ? AND schooljaar = ?", brin, dependancecode, schooljaar);
    }

    /** As {@link #retrySchool}, for one message; 0 when it does not exist or was delivered. */
    public int retryMessage(long id) {
        return retry(" AND id = ?", id);
    }

    private int retry(String where, Object... params) {
        return database.inTransaction(c -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_outbox SET next_attempt_at = ?,"
                    + " pending_since = CASE WHEN state = 'failed' THEN ? ELSE pending_since END,"
                    + " attempts = CASE WHEN state = 'failed' THEN 0 ELSE attempts END,"
                    + " state = 'pending', updated_at = ? WHERE state IN ('pending', 'failed')" + where)) {
                Jdbc.setTime(ps, 1, now);
                Jdbc.setTime(ps, 2, now);
                Jdbc.setTime(ps, 3, now);
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(4 + i, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private static Object[] lastError(java.sql.Connection c, String brin, String dep, String jaar)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_status, last_error FROM result_outbox"
                + " WHERE brin = ? AND dependancecode = ? AND schooljaar = ? AND state <> 'delivered'"
                + " AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1")) {
            ps.setString(1, brin);
            ps.setString(2, dep);
            ps.setString(3, jaar);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Object[] {Jdbc.integer(rs, "last_status"), rs.getString(2)}
                        : new Object[] {null, null};
            }
        }
    }
}
