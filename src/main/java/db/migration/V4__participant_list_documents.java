package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.eindtoets.gateway.deelnemers.Groep;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.ParticipantListDocument;
import nl.eindtoets.gateway.store.Jdbc;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves every delivery's groups and pupils from one row each ({@code participant_group}, {@code participant}) into
 * one document per delivery ({@code participant_list}, see {@link ParticipantListDocument}), then drops the two
 * tables. Runs in Flyway's transaction: on any failure nothing changes.
 */
public class V4__participant_list_documents extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            // Unbounded text on both engines; a list of any size fits. Insert-only: a delivery never changes.
            s.execute("CREATE TABLE participant_list ("
                    + " delivery_id UUID NOT NULL,"
                    + " document    VARCHAR NOT NULL,"
                    + " CONSTRAINT pk_participant_list PRIMARY KEY (delivery_id),"
                    + " CONSTRAINT fk_participant_list_delivery FOREIGN KEY (delivery_id)"
                    + " REFERENCES participant_delivery (id))");
        }
        List<UUID> deliveries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM participant_delivery")) {
            while (rs.next()) {
                deliveries.add(rs.getObject(1, UUID.class));
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO participant_list (delivery_id, document) VALUES (?, ?)")) {
            for (UUID id : deliveries) {
                insert.setObject(1, id);
                insert.setString(2, ParticipantListDocument.write(groepen(c, id), leerlingen(c, id)));
                insert.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE participant");
            s.execute("DROP TABLE participant_group");
        }
    }

    private static List<Groep> groepen(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_key, naam, jaargroep FROM participant_group WHERE delivery_id = ? ORDER BY seq")) {
            ps.setObject(1, id);
            List<Groep> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Groep(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    private static List<Leerling> leerlingen(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT las_key, eckid, achternaam, voorvoegsel, voorletters,"
                + " roepnaam, geboortedatum, geslacht, jaargroep, group_key FROM participant WHERE delivery_id = ?"
                + " ORDER BY seq")) {
            ps.setObject(1, id);
            List<Leerling> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Leerling(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Jdbc.date(rs, "geboortedatum"),
                            Jdbc.integer(rs, "geslacht"), rs.getString(9), rs.getString(10)));
                }
            }
            return out;
        }
    }
}
