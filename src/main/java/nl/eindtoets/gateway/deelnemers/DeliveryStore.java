package nl.eindtoets.gateway.deelnemers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.eindtoets.gateway.identity.RequestIdentity;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;

/** Participant deliveries, groups and pupils (tables {@code participant_delivery}, {@code participant_group}, {@code participant}). */
public final class DeliveryStore {

    private static final int BATCH = 500;

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
                Deelnemerslijst lijst) throws SQLException {
        School s = lijst.school();
        String dep = s.dependancecodeOrDefault();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant_delivery (id, brin, dependancecode,"
                + " schooljaar, signer_oin, school_oin, message_id, body_digest, received_at, school_aanmaakdatum,"
                + " xsdversie, participant_count, current_list) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant_group (delivery_id, seq, group_key,"
                + " naam, jaargroep) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Groep g : lijst.groepen()) {
                ps.setObject(1, id);
                ps.setInt(2, n++);
                ps.setString(3, g.key());
                ps.setString(4, g.naam());
                ps.setString(5, g.jaargroep());
                ps.addBatch();
                if (n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant (delivery_id, seq, las_key, eckid,"
                + " achternaam, voorvoegsel, voorletters, roepnaam, geboortedatum, geslacht, jaargroep, group_key)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Leerling l : lijst.leerlingen()) {
                ps.setObject(1, id);
                ps.setInt(2, n++);
                ps.setString(3, l.key());
                ps.setString(4, l.eckid());
                ps.setString(5, l.achternaam());
                ps.setString(6, l.voorvoegsel());
                ps.setString(7, l.voorletters());
                ps.setString(8, l.roepnaam());
                Jdbc.setDate(ps, 9, l.geboortedatum());
                Jdbc.setInteger(ps, 10, l.geslacht());
                ps.setString(11, l.jaargroep());
                ps.setString(12, l.groepKey());
                ps.addBatch();
                if (n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The school's current list with its groups and pupils, or empty when nothing was delivered. */
    public Optional<CurrentList> currentList(String brin, String dependancecode, String schooljaar) {
        return database.inTransaction(c -> {
            Optional<StoredDelivery> d = current(c, brin, dependancecode, schooljaar);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CurrentList(d.get(), groepen(c, d.get().id()), leerlingen(c, d.get().id())));
        });
    }

    /** Pupils of the school's current list, in delivery order; empty when nothing was delivered. */
    public List<Leerling> currentPupils(Connection c, String brin, String dependancecode, String schooljaar)
            throws SQLException {
        Optional<StoredDelivery> d = current(c, brin, dependancecode, schooljaar);
        return d.isEmpty() ? List.of() : leerlingen(c, d.get().id());
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
     * {@code sink}, ordered by school and delivery order, without holding the rows in memory: the cursor is read
     * in slices while the sink writes.
     */
    public long exportCurrent(String schooljaar, RowSink sink) {
        return database.inTransactionOnce(c -> {
            String sql = "SELECT d.brin, d.dependancecode, d.schooljaar, d.id, p.las_key, p.eckid, p.achternaam,"
                    + " p.voorvoegsel, p.voorletters, p.roepnaam, p.geboortedatum, p.geslacht, p.jaargroep,"
                    + " p.group_key, g.naam AS groep_naam"
                    + " FROM participant_delivery d"
                    + " JOIN participant p ON p.delivery_id = d.id"
                    + " LEFT JOIN participant_group g ON g.delivery_id = d.id AND g.group_key = p.group_key"
                    + " WHERE d.current_list IS NOT NULL" + (schooljaar == null ? "" : " AND d.schooljaar = ?")
                    + " ORDER BY d.schooljaar, d.brin, d.dependancecode, p.seq";
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(1000);
                if (schooljaar != null) {
                    ps.setString(1, schooljaar);
                }
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new ExportRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, UUID.class).toString(), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getObject(11, java.time.LocalDate.class), Jdbc.integer(rs, "geslacht"),
                                rs.getString(13), rs.getString(14), rs.getString(15)));
                        n++;
                    }
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String listKey(String brin, String dependancecode, String schooljaar) {
        return brin + "/" + dependancecode + "/" + schooljaar;
    }

    private static List<Groep> groepen(Connection c, UUID deliveryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_key, naam, jaargroep FROM participant_group WHERE delivery_id = ? ORDER BY seq")) {
            ps.setObject(1, deliveryId);
            List<Groep> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Groep(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    private static List<Leerling> leerlingen(Connection c, UUID deliveryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM participant WHERE delivery_id = ? ORDER BY seq")) {
            ps.setObject(1, deliveryId);
            List<Leerling> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Leerling(rs.getString("las_key"), rs.getString("eckid"), rs.getString("achternaam"),
                            rs.getString("voorvoegsel"), rs.getString("voorletters"), rs.getString("roepnaam"),
                            Jdbc.date(rs, "geboortedatum"), Jdbc.integer(rs, "geslacht"), rs.getString("jaargroep"),
                            rs.getString("group_key")));
                }
            }
            return out;
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
                        rs.getString("xsdversie"), rs.getInt("participant_count"), Jdbc.time(rs, "superseded_at")));
            }
        }
        return out;
    }
}
