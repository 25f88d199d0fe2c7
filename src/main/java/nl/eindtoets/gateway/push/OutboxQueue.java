package nl.eindtoets.gateway.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;

/**
 * The sender's side of the outbox: claims due messages under a lease and records each send's outcome. A claim is a
 * conditional UPDATE (state pending, due, no live lease), so two nodes never hold the same row; on PostgreSQL the
 * candidates are first locked with {@code FOR UPDATE SKIP LOCKED} so that nodes take different rows instead of
 * queueing on the same ones. Every outcome is conditional on the lease token, and "delivered" and "failed" also on
 * the version: a body replaced during the send stays pending and is sent again. A lease that expires (node killed
 * mid-send) makes the row due again, so nothing counts as delivered without a 2xx from the LAS.
 */
public final class OutboxQueue {

    /** Longest reason kept in last_error. */
    static final int MAX_ERROR = 500;

    private final Database database;
    private final Clock clock;

    public OutboxQueue(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Claims up to {@code max} due messages for {@code lease}; the oldest due first. */
    public List<OutboxMessage> claim(int max, Duration lease) {
        return database.inTransaction(c -> {
            Instant now = now();
            String token = UUID.randomUUID().toString();
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM result_outbox WHERE state = 'pending'"
                    + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                    + " ORDER BY next_attempt_at, id LIMIT ?" + (isPostgres(c) ? " FOR UPDATE SKIP LOCKED" : ""))) {
                Jdbc.setTime(ps, 1, now);
                Jdbc.setTime(ps, 2, now);
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            List<Long> taken = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_outbox SET lease_until = ?, lease_token = ?"
                    + " WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until <= ?)")) {
                for (long id : candidates) {
                    Jdbc.setTime(ps, 1, now.plus(lease));
                    ps.setString(2, token);
                    ps.setLong(3, id);
                    Jdbc.setTime(ps, 4, now);
                    Jdbc.setTime(ps, 5, now);
                    if (ps.executeUpdate() == 1) {
                        taken.add(id);
                    }
                }
            }
            return claimed(c, taken, token);
        });
    }

    /**
     * Where {@code m} goes now: the route of its school list's current delivery. A route that changed since the
     * import (another LAS, another routeringskenmerk) is written to the row, so the back office shows it too.
     */
    ListRoute route(OutboxMessage m) {
        return database.inTransaction(c -> {
            ListRoute route = ListRoute.current(c, m.listKey());
            if (route instanceof ListRoute.ToLas to && !(to.routingId().equals(m.routingId())
                    && to.schoolOin().equals(m.schoolOin()) && to.lasOin().equals(m.lasOin()))) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE result_outbox SET routing_id = ?,"
                        + " school_oin = ?, las_oin = ?, updated_at = ? WHERE id = ? AND lease_token = ?")) {
                    ps.setString(1, to.routingId());
                    ps.setString(2, to.schoolOin());
                    ps.setString(3, to.lasOin());
                    Jdbc.setTime(ps, 4, now());
                    ps.setLong(5, m.id());
                    ps.setString(6, m.leaseToken());
                    ps.executeUpdate();
                }
            }
            return route;
        });
    }

    /** The LAS took the message: delivered, unless a newer body arrived meanwhile (then that one is due now). */
    public boolean delivered(OutboxMessage m, int status) {
        return finish(m, "delivered", status, null);
    }

    /** Refused for good (or given up): failed, unless a newer body arrived meanwhile (then that one is due now). */
    public boolean failed(OutboxMessage m, Integer status, String reason) {
        return finish(m, "failed", status, reason);
    }

    /** Ends the message in {@code state} if the lease and the version are still this send's; else releases it. */
    private boolean finish(OutboxMessage m, String state, Integer status, String reason) {
        return database.inTransaction(c -> {
            Instant now = now();
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_outbox SET state = ?,"
                    + " attempts = attempts + 1, last_status = ?, last_error = ?, delivered_at = ?, updated_at = ?,"
                    + " lease_until = NULL, lease_token = NULL WHERE id = ? AND lease_token = ? AND version = ?")) {
                ps.setString(1, state);
                Jdbc.setInteger(ps, 2, status);
                ps.setString(3, clip(reason));
                Jdbc.setTime(ps, 4, "delivered".equals(state) ? now : null);
                Jdbc.setTime(ps, 5, now);
                ps.setLong(6, m.id());
                ps.setString(7, m.leaseToken());
                ps.setInt(8, m.version());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                release(c, m, status, reason, null, now);
            }
            return updated > 0;
        });
    }

    /** Not delivered this time: stays pending, due again at {@code next}. */
    public void retryAt(OutboxMessage m, Integer status, String reason, Instant next) {
        database.inTransaction(c -> {
            release(c, m, status, reason, next, now());
            return null;
        });
    }

    /**
     * Ends the lease, counting the attempt; {@code next} null keeps the due time. When the body was replaced during
     * the send, the attempt was the old body's: only the lease ends, and the new body stays due now with its own
     * attempts, backoff and (no) last error.
     */
    private static void release(Connection c, OutboxMessage m, Integer status, String reason, Instant next,
                                Instant now) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE result_outbox SET attempts = attempts + 1,"
                + " last_status = ?, last_error = ?, updated_at = ?, lease_until = NULL, lease_token = NULL"
                + (next == null ? "" : ", next_attempt_at = ?") + " WHERE id = ? AND lease_token = ? AND version = ?")) {
            int i = 1;
            Jdbc.setInteger(ps, i++, status);
            ps.setString(i++, clip(reason));
            Jdbc.setTime(ps, i++, now);
            if (next != null) {
                Jdbc.setTime(ps, i++, next);
            }
            ps.setLong(i++, m.id());
            ps.setString(i++, m.leaseToken());
            ps.setInt(i, m.version());
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_outbox SET lease_until = NULL,"
                    + " lease_token = NULL WHERE id = ? AND lease_token = ?")) {
                ps.setLong(1, m.id());
                ps.setString(2, m.leaseToken());
                ps.executeUpdate();
            }
        }
    }

    /** The rows this claim took, selected by id (the lease token only guards against a row taken meanwhile). */
    private static List<OutboxMessage> claimed(Connection c, List<Long> ids, String token) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, brin, dependancecode, schooljaar,"
                + " routing_id, school_oin, las_oin, rapportid, body, attempts, pending_since, lease_until"
                + " FROM result_outbox WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ") AND lease_token = ? ORDER BY id")) {
            int i = 1;
            for (long id : ids) {
                ps.setLong(i++, id);
            }
            ps.setString(i, token);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxMessage(rs.getLong(1), rs.getInt(2), token, rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getInt(11), Jdbc.time(rs, "pending_since"),
                            Jdbc.time(rs, "lease_until")));
                }
            }
        }
        return out;
    }

    /** Deletes messages delivered longer than {@code retention} ago; the number deleted. */
    public int purgeDelivered(Duration retention) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM result_outbox WHERE state = 'delivered'"
                    + " AND delivered_at < ?")) {
                Jdbc.setTime(ps, 1, now().minus(retention));
                return ps.executeUpdate();
            }
        });
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    static String clip(String reason) {
        return reason == null || reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
