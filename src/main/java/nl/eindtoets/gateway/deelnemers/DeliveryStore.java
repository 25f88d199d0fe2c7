package nl.eindtoets.gateway.deelnemers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;

/** Participant deliveries with their groups and pupils (tables {@code participant_delivery}, {@code participant_list}). */
public final class DeliveryStore {

    private final Database database;

    public DeliveryStore(Database database) {
        this.database = database;
    }

    /** Receives one exported row at a time; may write it straight to a stream. */
    @FunctionalInterface
    public interface RowSink {
        void accept(ExportRow row) throws IOException;
    }

    Optional<StoredDelivery> byMessage(Connection c, String signerOin, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM participant_delivery WHERE signer_oin = ? AND message_id = ?")) {
            ps.setString(1, signerOin);
            ps.setString(2, messageId);
            return one(ps);
        }
    }

    Optional<StoredDelivery> current(Connection c, String brin, String dependancecode, String schooljaar)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM participant_delivery WHERE current_list = ?")) {
            ps.setString(1, listKey(brin, dependancecode, schooljaar));
            return one(ps);
        }
    }

    void supersede(Connection c, UUID id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE participant_delivery SET current_list = NULL, superseded_at = ? WHERE id = ?")) {
            Jdbc.setTime(ps, 1, at);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    void insert(Connection c, UUID id, RequestIdentity identity, String bodyDigest, Instant receivedAt,
                Deelnemerslijst lijst, Levering levering) throws SQLException {
        School s = lijst.school();
        String dep = s.dependancecodeOrDefault();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant_delivery (id, brin, dependancecode,"
                + " schooljaar, signer_oin, school_oin, message_id, body_digest, received_at, school_aanmaakdatum,"
                + " xsdversie, participant_count, current_list, channel, kind, edu_from)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, s.brincode());
            ps.setString(3, dep);
            ps.setString(4, s.schooljaar());
            ps.setString(5, identity.signerOin().value());
            ps.setString(6, identity.schoolOin().value());
            ps.setString(7, identity.messageId());
            ps.setString(8, bodyDigest);
            Jdbc.setTime(ps, 9, receivedAt);
            Jdbc.setTime(ps, 10, s.aanmaakdatum().toInstant());
            ps.setString(11, s.xsdversie().strip());
            ps.setInt(12, lijst.leerlingen().size());
            ps.setString(13, listKey(s.brincode(), dep, s.schooljaar()));
            ps.setString(14, levering.kanaal().name());
            ps.setString(15, levering.soort().label());
            ps.setString(16, levering.eduFrom());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO participant_list (delivery_id, document) VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, ParticipantListDocument.write(lijst.groepen(), lijst.leerlingen()));
            ps.executeUpdate();
        }
    }

    /** The school's current list with its groups and pupils, or empty when nothing was delivered. */
    public Optional<CurrentList> currentList(String brin, String dependancecode, String schooljaar) {
        return database.inTransaction(c -> {
            Optional<StoredDelivery> d = current(c, brin, dependancecode, schooljaar);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            ParticipantListDocument.Contents list = list(c, d.get().id());
            return Optional.of(new CurrentList(d.get(), list.groepen(), list.leerlingen()));
        });
    }

    /** Pupils of the school's current list, in delivery order; empty when nothing was delivered. */
    public List<Leerling> currentPupils(Connection c, String brin, String dependancecode, String schooljaar)
            throws SQLException {
        Optional<StoredDelivery> d = current(c, brin, dependancecode, schooljaar);
        return d.isEmpty() ? List.of() : list(c, d.get().id()).leerlingen();
    }

    /** Every delivery of the school, current and superseded, newest first. */
    public List<StoredDelivery> history(String brin, String dependancecode, String schooljaar) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM participant_delivery WHERE brin = ?"
                    + " AND dependancecode = ? AND schooljaar = ? ORDER BY received_at DESC")) {
                ps.setString(1, brin);
                ps.setString(2, dependancecode);
                ps.setString(3, schooljaar);
                return all(ps);
            }
        });
    }

    /**
     * Streams every participant of every current list (of one school year when {@code schooljaar} is not null) to
     * {@code sink}, ordered by school and delivery order, holding one list at a time: the cursor is read in slices
     * while the sink writes.
     */
    public long exportCurrent(String schooljaar, RowSink sink) {
        return database.inTransactionOnce(c -> {
            String sql = "SELECT d.brin, d.dependancecode, d.schooljaar, d.id, l.document, d.channel"
                    + " FROM participant_delivery d JOIN participant_list l ON l.delivery_id = d.id"
                    + " WHERE d.current_list IS NOT NULL" + (schooljaar == null ? "" : " AND d.schooljaar = ?")
                    + " ORDER BY d.schooljaar, d.brin, d.dependancecode";
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(16);
                if (schooljaar != null) {
                    ps.setString(1, schooljaar);
                }
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n += export(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, UUID.class).toString(), rs.getString(6),
                                ParticipantListDocument.read(rs.getString(5)), sink);
                    }
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static int export(String brin, String dependancecode, String schooljaar, String deliveryId,
                              String kanaal, ParticipantListDocument.Contents list, RowSink sink) throws IOException {
        Map<String, String> groupNames = new HashMap<>();
        for (Groep g : list.groepen()) {
            groupNames.put(g.key(), g.naam());
        }
        for (Leerling l : list.leerlingen()) {
            sink.accept(new ExportRow(brin, dependancecode, schooljaar, deliveryId, l.key(), l.eckid(),
                    l.achternaam(), l.voorvoegsel(), l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(),
                    l.jaargroep(), l.groepKey(), groupNames.get(l.groepKey()), kanaal));
        }
        return list.leerlingen().size();
    }

    static String listKey(String brin, String dependancecode, String schooljaar) {
        return brin + "/" + dependancecode + "/" + schooljaar;
    }

    /** The groups and pupils of one stored delivery. */
    static ParticipantListDocument.Contents list(Connection c, UUID deliveryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT document FROM participant_list WHERE delivery_id = ?")) {
            ps.setObject(1, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("delivery " + deliveryId + " has no participant list");
                }
                return ParticipantListDocument.read(rs.getString(1));
            }
        }
    }

    private static Optional<StoredDelivery> one(PreparedStatement ps) throws SQLException {
        List<StoredDelivery> all = all(ps);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<StoredDelivery> all(PreparedStatement ps) throws SQLException {
        List<StoredDelivery> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredDelivery(rs.getObject("id", UUID.class), rs.getString("brin"),
                        rs.getString("dependancecode"), rs.getString("schooljaar"), rs.getString("signer_oin"),
                        rs.getString("school_oin"), rs.getString("message_id"), rs.getString("body_digest"),
                        Jdbc.time(rs, "received_at"), Jdbc.time(rs, "school_aanmaakdatum"),
                        rs.getString("xsdversie"), rs.getInt("participant_count"), Jdbc.time(rs, "superseded_at"),
                        new Levering(Levering.Kanaal.valueOf(rs.getString("channel")),
                                Levering.Soort.of(rs.getString("kind")), rs.getString("edu_from"))));
            }
        }
        return out;
    }
}
