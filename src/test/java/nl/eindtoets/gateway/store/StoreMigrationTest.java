package nl.eindtoets.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.eindtoets.gateway.deelnemers.CurrentList;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.Groep;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.Levering;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreMigrationTest {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratesAnEmptyDatabaseAndAgainWithoutChange(Engine engine) {
        DatabaseSettings settings = databases.settings(engine);
        databases.open(settings);
        Database again = databases.open(settings);

        assertThat(new SchoolRegistry(again).list(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsStoredAsRowsBeforeVersion4AreMovedIntoOneDocumentPerDelivery(Engine engine) throws Exception {
        DatabaseSettings settings = databases.settings(engine);
        UUID id = UUID.randomUUID();
        try (HikariDataSource version3 = Database.pool(settings)) {
            Flyway.configure().dataSource(version3).locations("classpath:db/migration").target("3").load().migrate();
            try (Connection c = version3.getConnection()) {
                storeAsRows(c, id);
            }
        }

        Database db = databases.open(settings);

        CurrentList list = new DeliveryStore(db).currentList("12AB", "00", "2026-2027").orElseThrow();
        assertThat(list.delivery().id()).isEqualTo(id);
        assertThat(list.groepen()).containsExactly(new Groep("g8a", "8a", "8"), new Groep("g7b", null, null));
        assertThat(list.leerlingen()).containsExactly(
                new Leerling("l-1", "https://ketenid.nl/201703/0123456789abcdef", "Jansen", "van", "J", "Jan",
                        LocalDate.of(2014, 5, 1), 1, "8", "g8a"),
                new Leerling("l-2", null, "Bakker", null, null, "Sanne", null, null, "7", "g7b"),
                new Leerling("l-3", null, "Visser", null, "P", "Pim", LocalDate.of(2014, 2, 28), 9, "8", "g8a"));
        try (Connection c = db.dataSource().getConnection();
             ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            assertThat(names).contains("participant_list").doesNotContain("participant", "participant_group");
        }
    }

    /** One delivery of two groups and three pupils, in the tables of schema version 3. */
    private static void storeAsRows(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant_delivery (id, brin, dependancecode,"
                + " schooljaar, signer_oin, school_oin, message_id, body_digest, received_at, school_aanmaakdatum,"
                + " xsdversie, participant_count, current_list) VALUES (?, '12AB', '00', '2026-2027',"
                + " '00000099000000001000', '0000000700012AB00000', 'urn:uuid:m', 'ab', ?, ?, '2.2', 3,"
                + " '12AB/00/2026-2027')")) {
            ps.setObject(1, id);
            Jdbc.setTime(ps, 2, Instant.parse("2026-11-20T10:00:00Z"));
            Jdbc.setTime(ps, 3, Instant.parse("2026-11-20T09:00:00Z"));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO participant_group (delivery_id, seq, group_key, naam, jaargroep) VALUES (?, ?, ?, ?, ?)")) {
            Object[][] groups = {{1, "g7b", null, null}, {0, "g8a", "8a", "8"}};
            for (Object[] g : groups) {
                ps.setObject(1, id);
                for (int i = 0; i < g.length; i++) {
                    ps.setObject(i + 2, g[i]);
                }
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant (delivery_id, seq, las_key, eckid,"
                + " achternaam, voorvoegsel, voorletters, roepnaam, geboortedatum, geslacht, jaargroep, group_key)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[][] pupils = {
                {2, "l-3", null, "Visser", null, "P", "Pim", LocalDate.of(2014, 2, 28), 9, "8", "g8a"},
                {0, "l-1", "https://ketenid.nl/201703/0123456789abcdef", "Jansen", "van", "J", "Jan",
                    LocalDate.of(2014, 5, 1), 1, "8", "g8a"},
                {1, "l-2", null, "Bakker", null, null, "Sanne", null, null, "7", "g7b"}};
            for (Object[] p : pupils) {
                ps.setObject(1, id);
                for (int i = 0; i < p.length; i++) {
                    if (p[i] instanceof LocalDate d) {
                        Jdbc.setDate(ps, i + 2, d);
                    } else if (p[i] == null) {
                        ps.setNull(i + 2, i == 7 ? Types.DATE : i == 8 ? Types.INTEGER : Types.VARCHAR);
                    } else {
                        ps.setObject(i + 2, p[i]);
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsTheDevelopmentSchoolsOnceIntoAnEmptyDatabase(Engine engine) {
        Database db = databases.fresh(engine);

        assertThat(DevelopmentData.seedIfEmpty(db, clock)).isTrue();
        assertThat(DevelopmentData.seedIfEmpty(db, clock)).isFalse();

        List<SchoolRegistration> schools = new SchoolRegistry(db).list("2026-2027");
        assertThat(schools).extracting(SchoolRegistration::brin).containsExactly("99AA", "99AB", "99AC");
        assertThat(schools).allMatch(s -> s.isOpenOn(LocalDate.of(2026, 11, 30)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void leavesAnOperatorsRegistrationsAlone(Engine engine) {
        Database db = databases.fresh(engine);
        new SchoolRegistry(db).register(new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 2, 1), clock.instant()));

        assertThat(DevelopmentData.seedIfEmpty(db, clock)).isFalse();
        assertThat(new SchoolRegistry(db).list(null)).extracting(SchoolRegistration::brin).containsExactly("12AB");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registeringAgainMovesTheWindow(Engine engine) {
        SchoolRegistry registry = new SchoolRegistry(databases.fresh(engine));
        registry.register(new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 2, 1), clock.instant()));
        registry.register(new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 3, 1), clock.instant()));

        assertThat(registry.find("12AB", "2026-2027")).hasValueSatisfying(
                r -> assertThat(r.windowCloses()).isEqualTo(LocalDate.of(2027, 3, 1)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deliveriesStoredBeforeVersion5AreSoapStandleveringenWithoutEduFrom(Engine engine) throws Exception {
        DatabaseSettings settings = databases.settings(engine);
        UUID id = UUID.randomUUID();
        try (HikariDataSource version4 = Database.pool(settings)) {
            Flyway.configure().dataSource(version4).locations("classpath:db/migration").target("4").load().migrate();
            try (Connection c = version4.getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO participant_delivery (id, brin, dependancecode,"
                         + " schooljaar, signer_oin, school_oin, message_id, body_digest, received_at,"
                         + " school_aanmaakdatum, xsdversie, participant_count, current_list) VALUES (?, '12AB', '00',"
                         + " '2026-2027', '00000099000000001000', '0000000700012AB00000', 'urn:uuid:m', 'ab', ?, ?,"
                         + " '2.2', 0, '12AB/00/2026-2027')")) {
                ps.setObject(1, id);
                Jdbc.setTime(ps, 2, Instant.parse("2026-11-20T10:00:00Z"));
                Jdbc.setTime(ps, 3, Instant.parse("2026-11-20T09:00:00Z"));
                ps.executeUpdate();
            }
        }

        Database db = databases.open(settings);

        assertThat(new DeliveryStore(db).history("12AB", "00", "2026-2027")).singleElement()
                .satisfies(d -> assertThat(d.levering()).isEqualTo(Levering.SOAP));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resultsAndSchoolsStoredBeforeVersion10HaveNoLevelAdviceOrName(Engine engine) throws Exception {
        DatabaseSettings settings = databases.settings(engine);
        try (HikariDataSource version8 = Database.pool(settings);
             Connection c = migratedTo("8", version8)) {
            execute(c, "INSERT INTO school_registration (brin, schooljaar, window_opens, window_closes, registered_at)"
                    + " VALUES ('12AB', '2026-2027', DATE '2026-12-01', DATE '2027-02-01', TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-30 10:00:00+00')");
            insertResult(c, "REKENEN", null, null);
        }

        Database db = databases.open(settings);

        assertThat(new SchoolRegistry(db).find("12AB", "2026-2027")).hasValueSatisfying(
                r -> assertThat(r.naam()).isNull());
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT referentieniveau, toetsadvies FROM result");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("referentieniveau")).isNull();
            assertThat(rs.getString("toetsadvies")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void outboxRowsStoredBeforeVersion11GetThePupilsLasKey(Engine engine) throws Exception {
        DatabaseSettings settings = databases.settings(engine);
        try (HikariDataSource version10 = Database.pool(settings);
             Connection c = migratedTo("10", version10)) {
            UUID importId = UUID.randomUUID();
            execute(c, "INSERT INTO result_import (id, imported_at, source, row_count) VALUES ('" + importId
                    + "', TIMESTAMP WITH TIME ZONE '2027-05-01 10:00:00+00', 'test', 1)");
            execute(c, "INSERT INTO result (import_id, imported_at, brin, dependancecode, schooljaar, pupil_las_key,"
                    + " pupil_eckid, toetscode, afnamedatum, score) VALUES ('" + importId + "', TIMESTAMP WITH TIME"
                    + " ZONE '2027-05-01 10:00:00+00', '12AB', '00', '2026-2027', 'l-1', 'eck-1', 'EINDTOETS-2027',"
                    + " DATE '2027-04-20', 200)");
            for (String ref : List.of("eck-1", "LAS-key:l-2")) {
                execute(c, "INSERT INTO result_outbox (brin, dependancecode, schooljaar, pupil_ref, routing_id,"
                        + " school_oin, las_oin, body, version, state, attempts, next_attempt_at, pending_since,"
                        + " created_at, updated_at) VALUES ('12AB', '00', '2026-2027', '" + ref + "', 'RK1',"
                        + " '0000000700012AB00000', '00000099000000001000', '{}', 1, 'pending', 0,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }

        Database db = databases.open(settings);

        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pupil_ref, pupil_las_key FROM result_outbox");
             ResultSet rs = ps.executeQuery()) {
            Map<String, String> lasKeys = new HashMap<>();
            while (rs.next()) {
                lasKeys.put(rs.getString(1), rs.getString(2));
            }
            assertThat(lasKeys).containsExactlyInAnyOrderEntriesOf(Map.of("eck-1", "l-1",
                    "LAS-key:l-2", "l-2"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStoreKeepsLevelsToTestPartsAndTheThreeReferenceLevels(Engine engine) throws Exception {
        Database db = databases.fresh(engine);
        try (Connection c = db.dataSource().getConnection()) {
            insertResult(c, "REKENEN", "1S", null);

            assertViolates(() -> insertResult(c, "REKENEN", "3F", null), "ck_result_referentieniveau");
            assertViolates(() -> insertResult(c, null, "1F", null), "ck_result_level_on_part");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStoreKeepsAdviceToTheWholeTestRow(Engine engine) throws Exception {
        Database db = databases.fresh(engine);
        try (Connection c = db.dataSource().getConnection()) {
            insertResult(c, null, null, "havo/vwo");

            assertViolates(() -> insertResult(c, "LEZEN", null, "havo/vwo"), "ck_result_advice_on_test");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRegistrationWithANameStoresItAndRegisteringAgainWithoutOneKeepsIt(Engine engine) {
        SchoolRegistry registry = new SchoolRegistry(databases.fresh(engine));
        SchoolRegistration named = registry.register(new SchoolRegistration("12AB", "2026-2027",
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 1), clock.instant(), "Basisschool De Eik"));
        registry.register(new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 3, 1), clock.instant()));

        assertThat(named.naam()).isEqualTo("Basisschool De Eik");
        assertThat(registry.list("2026-2027")).singleElement().satisfies(r -> {
            assertThat(r.naam()).isEqualTo("Basisschool De Eik");
            assertThat(r.windowCloses()).isEqualTo(LocalDate.of(2027, 3, 1));
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registeringAgainWithAnotherNameRenamesTheSchool(Engine engine) {
        SchoolRegistry registry = new SchoolRegistry(databases.fresh(engine));
        registry.register(new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 2, 1), clock.instant(), "De Eik"));

        registry.register(new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 2, 1), clock.instant(), "Basisschool De Eikenhorst"));

        assertThat(registry.find("12AB", "2026-2027")).hasValueSatisfying(
                r -> assertThat(r.naam()).isEqualTo("Basisschool De Eikenhorst"));
    }

    private static void assertViolates(ThrowingCallable insert, String constraint) {
        assertThatThrownBy(insert).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as("integrity constraint violation").startsWith("23");
            assertThat(e.getMessage()).containsIgnoringCase(constraint);
        });
    }

    private static Connection migratedTo(String version, HikariDataSource pool) throws SQLException {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target(version).load().migrate();
        return pool.getConnection();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    /** One result of an import of its own; the level and advice columns only from version 10 on. */
    private static void insertResult(Connection c, String onderdeel, String niveau, String advies) throws SQLException {
        UUID importId = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO result_import (id, imported_at, source, row_count)"
                + " VALUES (?, ?, 'test', 1)")) {
            ps.setObject(1, importId);
            Jdbc.setTime(ps, 2, Instant.parse("2027-05-01T10:00:00Z"));
            ps.executeUpdate();
        }
        boolean v10 = niveau != null || advies != null;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO result (import_id, imported_at, brin,"
                + " dependancecode, schooljaar, pupil_las_key, toetscode, toetsonderdeelcode, afnamedatum, score"
                + (v10 ? ", referentieniveau, toetsadvies" : "") + ") VALUES (?, ?, '12AB', '00', '2026-2027', 'l-1',"
                + " 'EINDTOETS-2027', ?, DATE '2027-04-20', 41" + (v10 ? ", ?, ?" : "") + ")")) {
            ps.setObject(1, importId);
            Jdbc.setTime(ps, 2, Instant.parse("2027-05-01T10:00:00Z"));
            ps.setString(3, onderdeel);
            if (v10) {
                ps.setString(4, niveau);
                ps.setString(5, advies);
            }
            ps.executeUpdate();
        }
    }
}
