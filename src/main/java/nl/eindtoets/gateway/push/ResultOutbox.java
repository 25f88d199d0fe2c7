package nl.eindtoets.gateway.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.PupilReports;
import nl.eindtoets.gateway.store.Jdbc;

/**
 * Puts the results of an import in the outbox (table {@code result_outbox}), in the import's own transaction: one
 * message per pupil whose school's current participant list came over REST, replacing a message of that pupil
 * that was still waiting or already sent (standlevering per pupil), whether it was found by LAS-key or ECK-iD. Schools whose list came over SOAP fetch their
 * results with HaalLeerresultaten instead and get nothing here.
 */
public final class ResultOutbox {

    /** Result rows fetched at a time while an import is read back. */
    private static final int FETCH_SIZE = 500;

    private final Connection c;
    private final Instant now;
    private final Map<String, ListRoute> routes = new HashMap<>();
    private final Map<String, Map<String, String>> reportIds = new HashMap<>();
    private final Map<String, LeerlingresultaatBody.Toets> tests;
    private final PreparedStatement find;
    private final PreparedStatement dropDuplicate;
    private final PreparedStatement replace;
    private final PreparedStatement insert;
    private final PreparedStatement readRoute;

    private ResultOutbox(Connection c, Instant now) throws SQLException {
        this.c = c;
        this.now = now;
        this.tests = Catalogue.load(c);
        // Prepared once per import, not once per pupil.
        find = c.prepareStatement("SELECT id FROM result_outbox WHERE brin = ? AND dependancecode = ?"
                + " AND schooljaar = ? AND (pupil_las_key = ? OR pupil_ref = ?) ORDER BY id");
        dropDuplicate = c.prepareStatement("DELETE FROM result_outbox WHERE id = ?");
        replace = c.prepareStatement("UPDATE result_outbox SET pupil_ref = ?, pupil_las_key = ?, routing_id = ?,"
                + " school_oin = ?, las_oin = ?, rapportid = ?, body = ?, version = version + 1, state = 'pending',"
                + " attempts = 0, next_attempt_at = ?, last_status = NULL, last_error = NULL, pending_since = ?,"
                + " updated_at = ?, delivered_at = NULL WHERE id = ?");
        insert = c.prepareStatement("INSERT INTO result_outbox (brin, dependancecode, schooljaar, pupil_ref,"
                + " pupil_las_key, routing_id, school_oin, las_oin, rapportid, body, version, state, attempts,"
                + " next_attempt_at, pending_since, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'pending', 0, ?, ?, ?, ?)");
        readRoute = c.prepareStatement(ListRoute.QUERY);
    }

    /** Enqueues the pupils whose results import {@code importId} wrote; runs in the caller's transaction. */
    public static int enqueueImport(Connection c, UUID importId, Instant now) throws SQLException {
        ResultOutbox outbox = new ResultOutbox(c, now);
        try {
            return outbox.enqueue(importId);
        } finally {
            outbox.close();
        }
    }

    private int enqueue(UUID importId) throws SQLException {
        int enqueued = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT brin, dependancecode, schooljaar, pupil_las_key,"
                + " pupil_eckid, toetscode, toetsonderdeelcode, afnamedatum, score, referentieniveau, toetsadvies"
                + " FROM result WHERE import_id = ?"
                + " ORDER BY brin, dependancecode, schooljaar, pupil_las_key, id")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setObject(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                Pupil current = null;
                while (rs.next()) {
                    Pupil p = new Pupil(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    if (!p.equals(current)) {
                        enqueued += enqueue(current);
                        current = p;
                        current.rows = new ArrayList<>();
                    }
                    current.rows.add(new Row(rs.getString(6), rs.getString(7), Jdbc.date(rs, "afnamedatum"),
                            rs.getInt(9), rs.getString(10), rs.getString(11)));
                }
                enqueued += enqueue(current);
            }
        }
        return enqueued;
    }

    private int enqueue(Pupil p) throws SQLException {
        if (p == null) {
            return 0;
        }
        String list = p.brin + "/" + p.dependancecode + "/" + p.schooljaar;
        ListRoute route = routes.get(list);
        if (route == null) {
            route = ListRoute.current(readRoute, list);
            routes.put(list, route);
        }
        if (!(route instanceof ListRoute.ToLas to)) {
            return 0;
        }
        LeerlingresultaatBody body = body(p, tests, now);
        if (body == null) {
            return 0;
        }
        Map<String, String> ids = reportIds.get(list);
        if (ids == null) {
            // Read once per school list, not per pupil.
            ids = PupilReports.ids(c, p.brin, p.dependancecode, p.schooljaar);
            reportIds.put(list, ids);
        }
        put(p, to, ids.get(p.ref()), body.toJson());
        return 1;
    }

    /**
     * The body from the pupil's rows of one test: the test of the latest sitting when (unusually) a file gave the
     * pupil rows of several tests.
     */
    private static LeerlingresultaatBody body(Pupil p, Map<String, LeerlingresultaatBody.Toets> tests, Instant now) {
        Row latest = p.rows.stream().max((a, b) -> a.afnamedatum.compareTo(b.afnamedatum)).orElse(null);
        LeerlingresultaatBody.Toets test = latest == null ? null : tests.get(latest.toetscode);
        if (test == null) {
            return null;
        }
        List<LeerlingresultaatBody.Score> scores = new ArrayList<>();
        List<LeerlingresultaatBody.Resultaat> resultaten = new ArrayList<>();
        LocalDate afname = latest.afnamedatum;
        for (Row r : p.rows) {
            if (r.toetscode.equals(test.id())) {
                if (r.toetsonderdeelcode == null) {
                    scores.add(0, new LeerlingresultaatBody.Score(null, r.score));
                    if (r.toetsadvies != null) {
                        resultaten.add(0, new LeerlingresultaatBody.Resultaat("Toetsadvies", null, r.toetsadvies));
                    }
                } else {
                    scores.add(new LeerlingresultaatBody.Score(r.toetsonderdeelcode, r.score));
                    if (r.referentieniveau != null) {
                        resultaten.add(new LeerlingresultaatBody.Resultaat("Referentieniveau", r.toetsonderdeelcode,
                                r.referentieniveau));
                    }
                }
            }
        }
        return new LeerlingresultaatBody(UUID.randomUUID().toString(), now, p.schooljaar, p.eckid, p.lasKey,
                test, afname, scores, resultaten);
    }

    /**
     * Replaces the pupil's message (newer version, due now, attempts from zero) or adds it. The pupil's message is
     * found by LAS-key or by ECK-iD, as the import finds the pupil's results: a pupil first imported without an
     * ECK-iD and later with one keeps one message, now under the ECK-iD. Should two exist (written before the
     * LAS-key was kept), the older ones go.
     */
    private void put(Pupil p, ListRoute.ToLas route, String rapportid, String body) throws SQLException {
        List<Long> ids = new ArrayList<>();
        find.setString(1, p.brin);
        find.setString(2, p.dependancecode);
        find.setString(3, p.schooljaar);
        find.setString(4, p.lasKey);
        find.setString(5, p.eckid != null ? p.eckid : p.ref());
        try (ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        if (ids.isEmpty()) {
            insert.setString(1, p.brin);
            insert.setString(2, p.dependancecode);
            insert.setString(3, p.schooljaar);
            insert.setString(4, p.ref());
            insert.setString(5, p.lasKey);
            insert.setString(6, route.routingId());
            insert.setString(7, route.schoolOin());
            insert.setString(8, route.lasOin());
            insert.setString(9, rapportid);
            insert.setString(10, body);
            for (int i = 11; i <= 14; i++) {
                Jdbc.setTime(insert, i, now);
            }
            insert.executeUpdate();
            return;
        }
        long kept = ids.get(ids.size() - 1);
        for (long id : ids.subList(0, ids.size() - 1)) {
            dropDuplicate.setLong(1, id);
            dropDuplicate.executeUpdate();
        }
        replace.setString(1, p.ref());
        replace.setString(2, p.lasKey);
        replace.setString(3, route.routingId());
        replace.setString(4, route.schoolOin());
        replace.setString(5, route.lasOin());
        replace.setString(6, rapportid);
        replace.setString(7, body);
        Jdbc.setTime(replace, 8, now);
        Jdbc.setTime(replace, 9, now);
        Jdbc.setTime(replace, 10, now);
        replace.setLong(11, kept);
        replace.executeUpdate();
    }

    private void close() throws SQLException {
        for (PreparedStatement ps : List.of(find, dropDuplicate, replace, insert, readRoute)) {
            ps.close();
        }
    }

    private static final class Pupil {
        final String brin;
        final String dependancecode;
        final String schooljaar;
        final String lasKey;
        final String eckid;
        List<Row> rows;

        Pupil(String brin, String dependancecode, String schooljaar, String lasKey, String eckid) {
            this.brin = brin;
            this.dependancecode = dependancecode;
            this.schooljaar = schooljaar;
            this.lasKey = lasKey;
            this.eckid = eckid;
        }

        /** As pupil_report and school_advice name the pupil. */
        String ref() {
            return Leerling.ref(eckid, lasKey);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pupil p && brin.equals(p.brin) && dependancecode.equals(p.dependancecode)
                    && schooljaar.equals(p.schooljaar) && lasKey.equals(p.lasKey);
        }

        @Override
        public int hashCode() {
            return lasKey.hashCode();
        }
    }

    /**
     * One stored result row of the pupil.
     *
     * @param referentieniveau on a test part's row, the level reached; null when none was imported
     * @param toetsadvies      on the whole-test row, the advice; null when none was imported
     */
    private record Row(String toetscode, String toetsonderdeelcode, LocalDate afnamedatum, int score,
                       String referentieniveau, String toetsadvies) {
    }

    /** The supplier's tests as a Leerlingresultaat names them. */
    static final class Catalogue {

        static Map<String, LeerlingresultaatBody.Toets> load(Connection c) throws SQLException {
            Map<String, List<LeerlingresultaatBody.Onderdeel>> parts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT toetscode, toetsonderdeelcode, toetsonderdeelnaam"
                    + " FROM test_part ORDER BY toetscode, volgnummer");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new LeerlingresultaatBody.Onderdeel(rs.getString(2), rs.getString(3)));
                }
            }
            Map<String, LeerlingresultaatBody.Toets> tests = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT toetscode, toetsnaam, versie FROM test_definition");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tests.put(rs.getString(1), new LeerlingresultaatBody.Toets(rs.getString(1), rs.getString(2),
                            rs.getString(3), parts.getOrDefault(rs.getString(1), List.of())));
                }
            }
            return tests;
        }
    }
}
