package nl.eindtoets.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
    void participantsAreIndexedOnlyByTheirDelivery(Engine engine) throws java.sql.SQLException {
        Database db = databases.fresh(engine);
        List<String> columns = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, table(c, "participant"), false, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(columns).contains("delivery_id").doesNotContain("eckid", "las_key");
    }

    private static String table(java.sql.Connection c, String name) throws java.sql.SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(java.util.Locale.ROOT) : name;
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
}
