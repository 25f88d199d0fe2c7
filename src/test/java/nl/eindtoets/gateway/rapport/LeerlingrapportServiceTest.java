package nl.eindtoets.gateway.rapport;

import static nl.eindtoets.gateway.deelnemers.Lijsten.SCHOOLJAAR;
import static nl.eindtoets.gateway.deelnemers.Lijsten.caller;
import static nl.eindtoets.gateway.deelnemers.Lijsten.digest;
import static nl.eindtoets.gateway.deelnemers.Lijsten.lijst;
import static nl.eindtoets.gateway.rapport.Rapporten.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.PupilReports;
import nl.eindtoets.gateway.leerresultaten.ImportReport;
import nl.eindtoets.gateway.leerresultaten.ResultImport;
import nl.eindtoets.gateway.leerresultaten.ResultRow;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PDF behind a report id is made from what the store holds: the name the school was registered with, and the
 * levels and advice imported with the pupil's scores. Pupil a-0 of school 99AA (development data).
 */
class LeerlingrapportServiceTest {

    private static final OffsetDateTime NOV_15 = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private String rapportid;

    private void start(Engine engine) {
        db = databases.fresh(engine);
        DevelopmentData.seedIfEmpty(db, clock);
        new DeelnemersService(db, clock).bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_15));
        String ref = lijst("99AA", "a", 3, NOV_15).leerlingen().get(0).ref();
        rapportid = new PupilReports(db).ids("99AA", "00", SCHOOLJAAR).get(ref);
    }

    private void name(String naam) {
        new SchoolRegistry(db).register(new SchoolRegistration("99AA", SCHOOLJAAR, LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 7, 31), clock.instant(), naam));
    }

    private void importA0(String advies, String rekenen, String lezen) {
        ImportReport report = new ResultImport(db, clock).run(List.of(
                row(1, null, "84", null, advies), row(2, "LEZEN", "30", lezen, null),
                row(3, "REKENEN", "41", rekenen, null), row(4, "TAALVERZORGING", "22", null, null)).iterator(), "test");
        assertThat(report.stored()).as("%s", report.errors()).isTrue();
    }

    private static ResultRow row(int n, String onderdeel, String score, String niveau, String advies) {
        return new ResultRow(n, "99AA", "00", SCHOOLJAAR, "a-0", null, "EINDTOETS-2027", onderdeel,
                "2027-04-20", score, null, niveau, advies);
    }

    private String report() {
        LeerlingrapportService.Rapport r = new LeerlingrapportService(db).fetch("99AA", rapportid);
        assertThat(r).isInstanceOf(LeerlingrapportService.Rapport.Pdf.class);
        return text(((LeerlingrapportService.Rapport.Pdf) r).bytes());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void showsTheNameTheSchoolIsRegisteredWith(Engine engine) {
        start(engine);
        name("Basisschool De Eikenhorst");
        importA0(null, null, null);

        assertThat(report()).contains("Basisschool De Eikenhorst (BRIN 99AA)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void showsTheImportedLevelOfEachPartInTheOrderOfTheTest(Engine engine) {
        start(engine);
        importA0(null, "1S", "2F");

        String text = report();

        assertThat(text).containsPattern("Rekenen\\s+1S\\s+Lezen\\s+2F").doesNotContain("Taalverzorging")
                .doesNotContain("Geen referentieniveaus vastgesteld.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void showsTheImportedAdvice(Engine engine) {
        start(engine);
        importA0("havo/vwo", null, null);

        assertThat(report()).containsPattern("Toetsadvies\\s+havo/vwo");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutANameLevelsOrAdviceShowsTheBrinAndSaysNoneWereSet(Engine engine) {
        start(engine);
        importA0(null, null, null);

        String text = report();

        assertThat(text).contains("BRIN 99AA").doesNotContain("(BRIN 99AA)")
                .contains("Geen referentieniveaus vastgesteld.")
                .containsPattern("Toetsadvies\\s+nog niet vastgesteld");
    }
}
