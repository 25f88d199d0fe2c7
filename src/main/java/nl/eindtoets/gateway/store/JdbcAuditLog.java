package nl.eindtoets.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} in table {@code audit_record}. */
public final class JdbcAuditLog implements AuditLog {

    private final Database database;

    public JdbcAuditLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(AuditRecord r) {
        database.inTransaction(c -> {
            insert(c, r);
            return null;
        });
    }

    /** Writes {@code r} in the caller's transaction: the request's own ({@link RequestTransactions}). */
    static void insert(Connection c, AuditRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (occurred_at, correlation_id,"
                + " message_id, signer_oin, school_oin, operation, decision, fault_code, body_digest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.setTime(ps, 1, r.time());
            ps.setString(2, r.correlationId());
            ps.setString(3, r.messageId());
            ps.setString(4, r.signerOin());
            ps.setString(5, r.schoolOin());
            ps.setString(6, r.operation());
            ps.setString(7, r.decision());
            ps.setString(8, r.faultCode());
            ps.setString(9, r.bodyDigest());
            ps.executeUpdate();
        }
    }

    @Override
    public List<AuditRecord> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Jdbc.utc(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Jdbc.utc(q.to()));
        }
        equal(sql, args, "school_oin", q.schoolOin());
        equal(sql, args, "signer_oin", q.signerOin());
        equal(sql, args, "message_id", q.messageId());
        equal(sql, args, "correlation_id", q.correlationId());
        equal(sql, args, "operation", q.operation());
        equal(sql, args, "decision", q.decision());
        equal(sql, args, "fault_code", q.faultCode());
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(q.limit()).append(" OFFSET ").append(q.offset());
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditRecord(Jdbc.time(rs, "occurred_at"), rs.getString("correlation_id"),
                                rs.getString("message_id"), rs.getString("signer_oin"), rs.getString("school_oin"),
                                rs.getString("operation"), rs.getString("decision"), rs.getString("fault_code"),
                                rs.getString("body_digest")));
                    }
                }
                return out;
            }
        });
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

}
