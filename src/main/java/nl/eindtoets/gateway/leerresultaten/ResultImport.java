package nl.eindtoets.gateway.leerresultaten;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.push.ResultOutbox;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.Jdbc;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.Schooljaar;

/**
 * Imports a results file from the back office: every row is checked (school registered, pupil on the school's
 * current list, known test and test part, date, score, reference level and advice), and the file is stored in one
 * transaction only when no row has a problem. The rows are read as a stream and written as they pass, so a large
 * file is never held in memory; a problem anywhere rolls the whole file back. An import replaces all earlier results of the pupils it
 * names (standlevering per pupil: a later result replaces the earlier one).
 */
public final class ResultImport {

    /** At most this many problems are listed in a report; all are counted. */
    public static final int MAX_REPORTED = 1000;

    private static final Pattern BRIN = Pattern.compile("\\d{2}[A-Z]{2}");
    private static final Pattern DEPENDANCE = Pattern.compile("\\d{2}");
    private static final Pattern SCORE = Pattern.compile("\\d{1,9}");
    private static final int BATCH = 500;

    private final Database database;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public ResultImport(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.deliveries = new DeliveryStore(database);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads {@code rows} to the end and stores them all, or nothing.
     *
     * @param source a short label of where the file came from (e.g. {@code api}, {@code cli}) kept with the import
     */
    public ImportReport run(Iterator<ResultRow> rows, String source) {
        try {
            return database.inTransactionOnce(c -> new Run(c, source).all(rows));
        } catch (Refused r) {
            return r.report;
        }
    }

    /** When results of the school list last changed, or empty when it never had any. */
    static Optional<Instant> changedAt(Connection c, String brin, String dependancecode, String schooljaar)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT changed_at FROM result_version WHERE brin = ?"
                + " AND dependancecode = ? AND schooljaar = ?")) {
            ps.setString(1, brin);
            ps.setString(2, dependancecode);
            ps.setString(3, schooljaar);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Jdbc.time(rs, "changed_at")) : Optional.empty();
            }
        }
    }

    /** Carries the report out of the transaction so that it rolls back. */
    private static final class Refused extends RuntimeException {
        final transient ImportReport report;

        Refused(ImportReport report) {
            super("results file refused", null, false, false);
            this.report = report;
        }
    }

    private record SchoolList(String brin, String dependancecode, String schooljaar) {
    }

    /** One import inside its transaction. */
    private final class Run {
        private final Connection c;
        private final String source;
        private final UUID importId = UUID.randomUUID();
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        private final TestCatalogue catalogue;
        private final Map<SchoolList, PupilIndex> schools = new HashMap<>();
        private final Set<String> registeredYears = new HashSet<>();
        private final Set<String> touchedPupils = new HashSet<>();
        private final Set<SchoolList> touchedSchools = new LinkedHashSet<>();
        private final List<RowError> errors = new ArrayList<>();
        private int errorCount;
        private int rowCount;
        private int pending;
        private final PreparedStatement insert;
        private final PreparedStatement delete;

        Run(Connection c, String source) throws SQLException {
            this.c = c;
            this.source = source;
            this.catalogue = TestCatalogue.load(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO result_import (id, imported_at, source,"
                    + " row_count) VALUES (?, ?, ?, 0)")) {
                ps.setObject(1, importId);
                Jdbc.setTime(ps, 2, now);
                ps.setString(3, source);
                ps.executeUpdate();
            }
            insert = c.prepareStatement("INSERT INTO result (import_id, imported_at, brin, dependancecode,"
                    + " schooljaar, pupil_las_key, pupil_eckid, toetscode, toetsonderdeelcode, afnamedatum, score,"
                    + " infourl, referentieniveau, toetsadvies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            delete = c.prepareStatement("DELETE FROM result WHERE brin = ? AND dependancecode = ? AND schooljaar = ?"
                    + " AND (pupil_las_key = ? OR pupil_eckid = ?)");
        }

        ImportReport all(Iterator<ResultRow> rows) throws SQLException {
            try (insert; delete) {
                try {
                    while (rows.hasNext()) {
                        ResultRow row = rows.next();
                        rowCount++;
                        one(row);
                    }
                } catch (UnreadableFileException e) {
                    error(e.row(), null, e.getMessage());
                }
                if (rowCount == 0 && errorCount == 0) {
                    error(0, null, "the file holds no result rows");
                }
                if (errorCount > 0) {
                    throw new Refused(new ImportReport(false, null, rowCount, 0, errorCount, errors));
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            for (SchoolList s : touchedSchools) {
                markChanged(s);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_import SET row_count = ? WHERE id = ?")) {
                ps.setInt(1, rowCount);
                ps.setObject(2, importId);
                ps.executeUpdate();
            }
            ResultOutbox.enqueueImport(c, importId, now); // results of REST schools go back to their LAS
            return new ImportReport(true, importId, rowCount, touchedPupils.size(), 0, List.of());
        }

        private void one(ResultRow r) throws SQLException {
            int before = errorCount;
            String brin = text(r.brincode());
            String dep = text(r.dependancecode()) == null ? "00" : text(r.dependancecode());
            String jaar = text(r.schooljaar());
            String lasKey = text(r.leerlingid());
            String eckid = text(r.eckid());
            String toetscode = text(r.toetscode());
            String onderdeel = text(r.toetsonderdeelcode());
            String infourl = text(r.infourl());
            String niveau = text(r.referentieniveau()) == null ? null
                    : text(r.referentieniveau()).toUpperCase(Locale.ROOT);
            String advies = text(r.toetsadvies());
            if (brin == null || !BRIN.matcher(brin).matches()) {
                error(r.row(), "brincode", "not a BRIN code (two digits, two capitals)");
            }
            if (!DEPENDANCE.matcher(dep).matches()) {
                error(r.row(), "dependancecode", "must be two digits");
            }
            if (!Schooljaar.isValid(jaar)) {
                error(r.row(), "schooljaar", "must look like 2026-2027");
            }
            if (lasKey == null && eckid == null) {
                error(r.row(), "leerlingid", "leerlingid or eckid is required");
            }
            if (toetscode == null || catalogue.test(toetscode) == null) {
                error(r.row(), "toetscode", "unknown test code");
            } else if (onderdeel != null && !catalogue.hasPart(toetscode, onderdeel)) {
                error(r.row(), "toetsonderdeelcode", "unknown test part for this test code");
            }
            LocalDate afnamedatum = null;
            try {
                afnamedatum = LocalDate.parse(Objects.requireNonNullElse(text(r.afnamedatum()), ""));
            } catch (DateTimeParseException e) {
                error(r.row(), "afnamedatum", "must be a date like 2027-04-20");
            }
            String score = text(r.score());
            if (score == null || !SCORE.matcher(score).matches()) {
                error(r.row(), "score", "must be a whole number of 0 or more");
            }
            if (infourl != null && infourl.length() > 256) {
                error(r.row(), "infourl", "longer than 256 characters");
            }
            if (niveau != null && !ResultValues.isReferentieniveau(niveau)) {
                error(r.row(), "referentieniveau", "must be one of "
                        + String.join(", ", ResultValues.REFERENTIENIVEAUS));
            } else if (niveau != null && onderdeel == null) {
                error(r.row(), "referentieniveau", "only on a row with a toetsonderdeelcode: a level is per test part");
            }
            if (advies != null && onderdeel != null) {
                error(r.row(), "toetsadvies", "only on the whole-test row, without toetsonderdeelcode");
            } else if (advies != null && !ResultValues.isToetsadvies(advies)) {
                error(r.row(), "toetsadvies", "at most " + ResultValues.TOETSADVIES_MAX + " letters, digits, spaces"
                        + " and / ( ) + . , _ -, starting with a letter or digit");
            }
            if (errorCount > before) {
                return;
            }
            SchoolList school = new SchoolList(brin, dep, jaar);
            PupilIndex pupils = pupilsOf(school);
            if (pupils == null) {
                error(r.row(), "brincode", "school not registered for this schooljaar");
                return;
            }
            Leerling pupil = pupils.match(eckid, lasKey);
            if (pupil == null) {
                error(r.row(), eckid != null ? "eckid" : "leerlingid", "unknown pupil: not on the school's current list");
                return;
            }
            if (errorCount > 0) {
                return; // nothing will be stored; keep checking only
            }
            touchedSchools.add(school);
            if (touchedPupils.add(brin + "/" + dep + "/" + jaar + "/" + pupil.key())) {
                delete.setString(1, brin);
                delete.setString(2, dep);
                delete.setString(3, jaar);
                delete.setString(4, pupil.key());
                delete.setString(5, pupil.eckid());
                delete.executeUpdate();
            }
            insert.setObject(1, importId);
            Jdbc.setTime(insert, 2, now);
            insert.setString(3, brin);
            insert.setString(4, dep);
            insert.setString(5, jaar);
            insert.setString(6, pupil.key());
            insert.setString(7, pupil.eckid());
            insert.setString(8, toetscode);
            insert.setString(9, onderdeel);
            Jdbc.setDate(insert, 10, afnamedatum);
            insert.setInt(11, Integer.parseInt(score));
            insert.setString(12, infourl);
            insert.setString(13, niveau);
            insert.setString(14, advies);
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        /** The school's current pupils, with its registration locked against concurrent deliveries; null when not registered. */
        private PupilIndex pupilsOf(SchoolList s) throws SQLException {
            if (schools.containsKey(s)) {
                return schools.get(s);
            }
            String year = s.brin() + "/" + s.schooljaar();
            boolean registered = registeredYears.contains(year)
                    || SchoolRegistry.find(c, s.brin(), s.schooljaar(), true).isPresent();
            PupilIndex index = null;
            if (registered) {
                registeredYears.add(year);
                index = new PupilIndex(deliveries.currentPupils(c, s.brin(), s.dependancecode(), s.schooljaar()));
            }
            schools.put(s, index);
            return index;
        }

        /** Moves the list's version forward, strictly, even when node clocks disagree. */
        private void markChanged(SchoolList s) throws SQLException {
            Optional<Instant> previous = changedAt(c, s.brin(), s.dependancecode(), s.schooljaar());
            Instant changed = previous.isPresent() && !now.isAfter(previous.get())
                    ? previous.get().plus(1, ChronoUnit.MICROS) : now;
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE result_version SET changed_at = ? WHERE brin = ?"
                    + " AND dependancecode = ? AND schooljaar = ?")) {
                Jdbc.setTime(ps, 1, changed);
                ps.setString(2, s.brin());
                ps.setString(3, s.dependancecode());
                ps.setString(4, s.schooljaar());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO result_version (brin, dependancecode,"
                        + " schooljaar, changed_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, s.brin());
                    ps.setString(2, s.dependancecode());
                    ps.setString(3, s.schooljaar());
                    Jdbc.setTime(ps, 4, changed);
                    ps.executeUpdate();
                }
            }
        }

        private void error(int row, String field, String message) {
            errorCount++;
            if (errors.size() < MAX_REPORTED) {
                errors.add(new RowError(row, field, message));
            }
        }

        private String text(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
