package nl.eindtoets.gateway.leerresultaten;

import static nl.eindtoets.gateway.deelnemers.Lijsten.SCHOOLJAAR;
import static nl.eindtoets.gateway.deelnemers.Lijsten.caller;
import static nl.eindtoets.gateway.deelnemers.Lijsten.digest;
import static nl.eindtoets.gateway.deelnemers.Lijsten.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaat;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaten;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference level of a test part and the advice of the whole test: imported with the scores, checked per row,
 * and read back per pupil for the report and the push. School 99AA of the development data, pupils a-0 .. a-2.
 */
class ResultLevelsAndAdviceTest {

    private static final OffsetDateTime NOV_15 = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private ResultImport imports;
    private Leerling a0;

    private void start(Engine engine) {
        db = databases.fresh(engine);
        DevelopmentData.seedIfEmpty(db, clock);
        new DeelnemersService(db, clock).bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_15));
        imports = new ResultImport(db, clock);
        a0 = lijst("99AA", "a", 3, NOV_15).leerlingen().get(0);
    }

    private static ResultRow row(int n, String onderdeel, String score, String niveau, String advies) {
        return new ResultRow(n, "99AA", "00", SCHOOLJAAR, "a-0", null, "EINDTOETS-2027", onderdeel, "2027-04-20",
                score, null, niveau, advies);
    }

    private ImportReport run(ResultRow... rows) {
        return imports.run(List.of(rows).iterator(), "test");
    }

    private PupilResults resultsOfA0() {
        return new LeerresultatenService(db).resultsOf("99AA", "00", SCHOOLJAAR, a0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void levelsPerPartAndTheAdviceOfTheWholeTestAreStoredAndReadBack(Engine engine) {
        start(engine);

        ImportReport report = run(row(1, null, "84", null, "havo/vwo"), row(2, "REKENEN", "41", "1S", null),
                row(3, "LEZEN", "30", "2F", null), row(4, "TAALVERZORGING", "22", null, null));

        assertThat(report.stored()).as("%s", report.errors()).isTrue();
        PupilResults results = resultsOfA0();
        assertThat(results.referentieniveaus("EINDTOETS-2027")).containsExactly(
                entry("REKENEN", "1S"),
                entry("LEZEN", "2F"));
        assertThat(results.toetsadvies("EINDTOETS-2027")).hasValue("havo/vwo");
        assertThat(results.resultaten()).extracting(Resultaat::toetsonderdeelcode, Resultaat::referentieniveau,
                Resultaat::toetsadvies).containsExactly(tuple(null, null, "havo/vwo"), tuple("REKENEN", "1S", null),
                tuple("LEZEN", "2F", null), tuple("TAALVERZORGING", null, null));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLevelIsStoredInCapitalsWhateverCaseTheFileUses(Engine engine) {
        start(engine);

        assertThat(run(row(1, null, "84", null, null), row(2, "REKENEN", "41", " 1s ", null)).stored()).isTrue();

        assertThat(resultsOfA0().referentieniveaus("EINDTOETS-2027")).containsEntry("REKENEN", "1S");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resultsWithoutLevelsOrAdviceHaveNone(Engine engine) {
        start(engine);

        run(row(1, null, "84", null, null), row(2, "REKENEN", "41", null, null));

        assertThat(resultsOfA0().referentieniveaus("EINDTOETS-2027")).isEmpty();
        assertThat(resultsOfA0().toetsadvies("EINDTOETS-2027")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLaterImportReplacesTheLevelsAndTheAdvice(Engine engine) {
        start(engine);
        run(row(1, null, "84", null, "havo/vwo"), row(2, "REKENEN", "41", "1S", null));

        run(row(1, null, "70", null, "havo"), row(2, "REKENEN", "33", "1F", null));

        assertThat(resultsOfA0().referentieniveaus("EINDTOETS-2027")).containsExactly(
                entry("REKENEN", "1F"));
        assertThat(resultsOfA0().toetsadvies("EINDTOETS-2027")).hasValue("havo");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theUwlrAnswerStillCarriesTheScoresOfResultsWithLevelsAndAdvice(Engine engine) {
        start(engine);
        run(row(1, null, "84", null, "havo/vwo"), row(2, "REKENEN", "41", "1S", null));

        Resultaten answer = (Resultaten) new LeerresultatenService(db).haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", "2.2", null));

        assertThat(answer.toetsafnames()).singleElement().satisfies(a -> assertThat(a.resultaten())
                .extracting(Resultaat::score).containsExactly(84, 41));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesALevelThatIsNotAReferenceLevel(Engine engine) {
        start(engine);

        ImportReport report = run(row(1, null, "84", null, null), row(2, "REKENEN", "41", "3F", null));

        assertRefused(report, 2, "referentieniveau", "1F, 2F, 1S");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesALevelOnTheWholeTestRow(Engine engine) {
        start(engine);

        ImportReport report = run(row(1, null, "84", "2F", null));

        assertRefused(report, 1, "referentieniveau", "toetsonderdeelcode");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAdviceOnATestPartRow(Engine engine) {
        start(engine);

        ImportReport report = run(row(1, null, "84", null, null), row(2, "REKENEN", "41", "1S", "havo/vwo"));

        assertRefused(report, 2, "toetsadvies", "whole-test row");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAdviceWithMarkupOrControlCharacters(Engine engine) {
        start(engine);

        ImportReport report = run(row(1, null, "84", null, "<b>vwo</b>"), row(2, null, "84", null, "havo\nvwo"));

        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).extracting(RowError::row, RowError::field)
                .containsExactly(tuple(1, "toetsadvies"), tuple(2, "toetsadvies"));
        assertThat(resultsOfA0().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAdviceLongerThanTheColumn(Engine engine) {
        start(engine);

        ImportReport report = run(row(1, null, "84", null, "v".repeat(ResultValues.TOETSADVIES_MAX + 1)));

        assertRefused(report, 1, "toetsadvies", String.valueOf(ResultValues.TOETSADVIES_MAX));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void acceptsAdviceUpToTheColumnsLength(Engine engine) {
        start(engine);
        String longest = "vmbo-gt/havo " + "x".repeat(ResultValues.TOETSADVIES_MAX - 13);

        assertThat(run(row(1, null, "84", null, longest)).stored()).isTrue();

        assertThat(resultsOfA0().toetsadvies("EINDTOETS-2027")).hasValue(longest);
    }

    /** Refused with exactly one problem, on that row and field, and nothing of the file stored. */
    private void assertRefused(ImportReport report, int row, String field, String messagePart) {
        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(row);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(messagePart);
        });
        assertThat(resultsOfA0().isEmpty()).isTrue();
    }
}
