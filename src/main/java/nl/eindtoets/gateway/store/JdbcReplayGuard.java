package nl.eindtoets.gateway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.security.ReplayCheck;
import nl.eindtoets.gateway.security.ReplayGuard;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;
import nl.eindtoets.gateway.store.StoreException;
import nl.eindtoets.gateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay memory in the database (table {@code replay_record}), shared by all gateway nodes on one store. The
 * first node to insert a signature's row accepts the message; any other insert of the same row, on any node, hits
 * the primary key and is a replay. A plain INSERT and the unique-key violation behave the same on H2 and PostgreSQL.
 *
 * <p>For a request, the row is written in the request's one transaction ({@link RequestTransactions}): a read
 * first refuses a known replay cheaply, and the insert at commit decides between concurrent copies, the loser
 * being refused as a replay with nothing of it kept.
 *
 * <p>Nothing is evicted to make room; rows are deleted by {@link #purgeExpired()} only after their message could no
 * longer be accepted. When the database cannot be reached the request is refused with
 * {@code Server.TijdelijkNietBeschikbaar}: a replay check that cannot be made is never skipped.
 */
public final class JdbcReplayGuard implements ReplayGuard {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcReplayGuard.class);
    private static final int MAX_MESSAGE_ID = 512;

    private final Database database;
    private final Clock clock;

    public JdbcReplayGuard(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String signatureValue, Instant acceptableUntil) {
        return firstSeen(signatureValue, null, null, acceptableUntil);
    }

    @Override
    public boolean firstSeen(String signatureValue, String signerOin, String messageId, Instant acceptableUntil) {
        Record r = new Record(hash(signatureValue), signerOin, messageId, clock.instant(), acceptableUntil);
        try {
            database.inTransactionOnce(c -> {
                r.insert(c);
                return null;
            });
            return true;
        } catch (StoreUnavailableException e) {
            LOG.warn("replay check not possible, request refused: {}", e.getMessage());
            throw e.toFault();
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && SqlFailures.isUniqueViolation(s)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean firstSeen(GatewayRequest request, String signatureValue, String signerOin, String messageId,
                             Instant acceptableUntil) {
        Record r = new Record(hash(signatureValue), signerOin, messageId, clock.instant(), acceptableUntil);
        try {
            if (database.inTransaction(r::isKept)) {
                return false;
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("replay check not possible, request refused: {}", e.getMessage());
            throw e.toFault();
        }
        request.enlist(c -> {
            try {
                r.insert(c);
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    LOG.info("replay decided at commit: a concurrent copy of this signed message was committed"
                            + " first; correlationId={}", request.correlationId());
                    throw ReplayCheck.replayed();
                }
                throw e;
            }
        });
        return true;
    }

    /** One row of {@code replay_record}; kept at least a second, so that a late message is still recorded. */
    private record Record(String signatureHash, String signerOin, String messageId, Instant now, Instant until) {
        Record {
            until = until.isAfter(now) ? until : now.plusSeconds(1);
            messageId = messageId == null || messageId.length() <= MAX_MESSAGE_ID ? messageId
                    : messageId.substring(0, MAX_MESSAGE_ID);
        }

        boolean isKept(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM replay_record WHERE signature_hash = ?")) {
                ps.setString(1, signatureHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        void insert(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO replay_record"
                    + " (signature_hash, signer_oin, message_id, recorded_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, signatureHash);
                ps.setString(2, signerOin);
                ps.setString(3, messageId);
                Jdbc.setTime(ps, 4, now);
                Jdbc.setTime(ps, 5, until);
                ps.executeUpdate();
            }
        }
    }

    /** Deletes the rows of messages that could no longer be accepted; returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int deleted = database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM replay_record WHERE expires_at < ?")) {
                Jdbc.setTime(ps, 1, now);
                return ps.executeUpdate();
            }
        });
        if (deleted > 0) {
            LOG.debug("replay records purged: {}", deleted);
        }
        return deleted;
    }

    /** Hex SHA-256 of the signature value: fixed length whatever the key size. */
    static String hash(String signatureValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signatureValue.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
