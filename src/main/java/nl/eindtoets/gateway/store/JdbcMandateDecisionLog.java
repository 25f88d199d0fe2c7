package nl.eindtoets.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.mandate.MandateDecision;
import nl.eindtoets.gateway.mandate.MandateDecisionLog;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Oin;

/**
 * Keeps OSR mandate decisions in table {@code mandate_decision}, next to the request audit. A decision about a
 * request is written in that request's one transaction, with its audit record ({@link RequestTransactions}).
 */
public final class JdbcMandateDecisionLog implements MandateDecisionLog {

    private final Database database;

    public JdbcMandateDecisionLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(MandateDecision d) {
        database.inTransaction(c -> {
            insert(c, d);
            return null;
        });
    }

    @Override
    public void record(MandateDecision d, GatewayRequest request) {
        if (request == null) {
            record(d);
        } else {
            request.enlist(c -> insert(c, d));
        }
    }

    private static void insert(Connection c, MandateDecision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mandate_decision (decided_at, message_id,"
                + " signer_oin, school_oin, service_namespace, reference_date, outcome, source)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.setTime(ps, 1, d.time());
            ps.setString(2, d.messageId());
            ps.setString(3, d.signerOin().value());
            ps.setString(4, d.schoolOin().value());
            ps.setString(5, d.serviceNamespace());
            Jdbc.setDate(ps, 6, d.referenceDate());
            ps.setString(7, d.outcome().name());
            ps.setString(8, d.source().name());
            ps.executeUpdate();
        }
    }

    /** The most recent decisions, newest first. */
    public List<MandateDecision> latest(int limit) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM mandate_decision ORDER BY decided_at DESC, id DESC LIMIT " + Math.max(1, limit))) {
                List<MandateDecision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MandateDecision(Jdbc.time(rs, "decided_at"), rs.getString("message_id"),
                                new Oin(rs.getString("signer_oin")), new Oin(rs.getString("school_oin")),
                                rs.getString("service_namespace"), Jdbc.date(rs, "reference_date"),
                                MandateDecision.Outcome.valueOf(rs.getString("outcome")),
                                MandateDecision.Source.valueOf(rs.getString("source"))));
                    }
                }
                return out;
            }
        });
    }
}
