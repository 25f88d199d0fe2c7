package nl.eindtoets.gateway.leerresultaten;

import static nl.eindtoets.gateway.deelnemers.Lijsten.SCHOOLJAAR;
import static nl.eindtoets.gateway.deelnemers.Lijsten.caller;
import static nl.eindtoets.gateway.deelnemers.Lijsten.digest;
import static nl.eindtoets.gateway.deelnemers.Lijsten.eckid;
import static nl.eindtoets.gateway.deelnemers.Lijsten.lijst;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Deelnemerslijst;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Resultaten;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeerresultatenServiceTest {

    private static final OffsetDateTime NOV_15 = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private Database db;
    private LeerresultatenService service;
    private ResultImport imports;

    private void start(Engine engine) {
        db = databases.fresh(engine);
        DevelopmentData.seedIfEmpty(db, clock);
        service = new LeerresultatenService(db);
        imports = new ResultImport(db, clock);
    }

    private static LeerresultatenVerzoek verzoek(String brin, OffsetDateTime laatst) {
        return new LeerresultatenVerzoek(SCHOOLJAAR, brin, "00", "2.2", laatst);
    }

    private static ResultRow row(int n, String lasKey, String eckid, String onderdeel, String score) {
        return new ResultRow(n, "99AA", "00", SCHOOLJAAR, lasKey, eckid, "EINDTOETS-2027", onderdeel, "2027-04-20",
                score, null);
    }

    private static FaultCode faultOf(Runnable r) {
        try {
            r.run();
        } catch (GatewayFault f) {
            return f.code();
        }
        throw new AssertionError("no fault");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void answersGeenGegevensBeforeAnyResultsExist(Engine engine) {
        start(engine);

        assertThat(service.haal(caller("99AA"), verzoek("99AA", null)))
                .isInstanceOf(LeerresultatenAntwoord.GeenGegevens.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void servesImportedResultsAndThenGeenWijzigingen(Engine engine) {
        start(engine);
        new DeelnemersService(db, clock).bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_15));
        ImportReport report = imports.run(List.of(row(1, "a-0", null, null, "212"),
                row(2, "a-0", null, "REKENEN", "41"), row(3, "a-1", null, null, "198")).iterator(), "test");
        assertThat(report.stored()).isTrue();

        Resultaten r = (Resultaten) service.haal(caller("99AA"), verzoek("99AA", null));

        assertThat(r.toetsafnames()).extracting(LeerresultatenAntwoord.Toetsafname::leerlingid)
                .containsExactlyInAnyOrder("a-0", "a-1");
        assertThat(r.toetsafnames()).filteredOn(a -> a.leerlingid().equals("a-0")).singleElement()
                .satisfies(a -> {
                    assertThat(a.eckid()).isEqualTo(eckid("a", 0));
                    assertThat(a.resultaten()).extracting(LeerresultatenAntwoord.Resultaat::score).containsExactly(212, 41);
                });
        assertThat(r.toetsen()).singleElement().satisfies(t -> assertThat(t.toetsonderdelen()).isNotEmpty());
        assertThat(service.haal(caller("99AA"), verzoek("99AA", r.school().aanmaakdatum())))
                .isInstanceOf(LeerresultatenAntwoord.GeenWijzigingen.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLaterImportReplacesThePupilsResultsAndIsNewAgain(Engine engine) {
        start(engine);
        new DeelnemersService(db, clock).bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_15));
        imports.run(List.of(row(1, "a-0", null, null, "100"), row(2, "a-1", null, null, "150")).iterator(), "test");
        Resultaten first = (Resultaten) service.haal(caller("99AA"), verzoek("99AA", null));

        imports.run(List.of(row(1, "a-0", null, null, "120")).iterator(), "test");
        Resultaten second = (Resultaten) service.haal(caller("99AA"), verzoek("99AA", first.school().aanmaakdatum()));

        assertThat(second.school().aanmaakdatum()).isAfter(first.school().aanmaakdatum());
        assertThat(second.toetsafnames()).filteredOn(a -> a.leerlingid().equals("a-0")).singleElement()
                .satisfies(a -> assertThat(a.resultaten()).extracting(LeerresultatenAntwoord.Resultaat::score)
                        .containsExactly(120));
        assertThat(second.toetsafnames()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void matchesPupilsOnEckidFirstSoANewLasKeyGetsTheResults(Engine engine) {
        start(engine);
        DeelnemersService deelnemers = new DeelnemersService(db, clock);
        deelnemers.bring(caller("99AA"), digest("1"), lijst("99AA", "a", 2, NOV_15));
        imports.run(List.<ResultRow>of(row(1, null, eckid("a", 0), null, "200")).iterator(), "test");
        // The LAS re-keys its pupils; the ECK-iDs stay.
        Deelnemerslijst rekeyed = lijst("99AA", "a", 2, NOV_15.plusDays(1));
        List<Leerling> renamed = rekeyed.leerlingen().stream().map(l -> new Leerling("new-" + l.key(), l.eckid(),
                l.achternaam(), l.voorvoegsel(), l.voorletters(), l.roepnaam(), l.geboortedatum(), l.geslacht(),
                l.jaargroep(), l.groepKey())).toList();
        deelnemers.bring(caller("99AA"), digest("2"), new Deelnemerslijst(rekeyed.school(), rekeyed.groepen(), renamed));

        Resultaten r = (Resultaten) service.haal(caller("99AA"), verzoek("99AA", null));

        assertThat(r.toetsafnames()).singleElement().satisfies(a -> {
            assertThat(a.leerlingid()).isEqualTo("new-a-0");
            assertThat(a.eckid()).isEqualTo(eckid("a", 0));
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFileWithABadRowStoresNothingAndReportsEachRow(Engine engine) {
        start(engine);
        new DeelnemersService(db, clock).bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_15));
        Iterator<ResultRow> rows = List.of(row(1, "a-0", null, null, "212"),
                row(2, "nobody", null, null, "10"),
                row(3, "a-1", null, null, "-4"),
                new ResultRow(4, "99AA", "00", SCHOOLJAAR, "a-2", null, "NO-SUCH-TEST", null, "2027-04-20", "5", null))
                .iterator();

        ImportReport report = imports.run(rows, "test");

        assertThat(report.stored()).isFalse();
        assertThat(report.errors()).extracting(RowError::row, RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "leerlingid"),
                        org.assertj.core.groups.Tuple.tuple(3, "score"),
                        org.assertj.core.groups.Tuple.tuple(4, "toetscode"));
        assertThat(service.haal(caller("99AA"), verzoek("99AA", null)))
                .isInstanceOf(LeerresultatenAntwoord.GeenGegevens.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void answersARequestWithoutXsdversieAndReports22InTheSchoolBlock(Engine engine) {
        start(engine);
        LeerresultatenVerzoek zonder = new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", null, null);
        assertThat(service.haal(caller("99AA"), zonder)).isInstanceOf(LeerresultatenAntwoord.GeenGegevens.class);
        new DeelnemersService(db, clock).bring(caller("99AA"), digest("1"), lijst("99AA", "a", 2, NOV_15));
        imports.run(List.of(row(1, "a-0", null, null, "212"), row(2, "a-1", null, null, "198")).iterator(), "test");

        Resultaten r = (Resultaten) service.haal(caller("99AA"), zonder);

        assertThat(r.school().xsdversie()).isEqualTo("2.2");
        assertThat(r.school().brincode()).isEqualTo("99AA");
        assertThat(r.toetsafnames()).extracting(LeerresultatenAntwoord.Toetsafname::leerlingid)
                .containsExactlyInAnyOrder("a-0", "a-1");
        assertThat(service.haal(caller("99AA"), new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", null,
                r.school().aanmaakdatum()))).isInstanceOf(LeerresultatenAntwoord.GeenWijzigingen.class);
        // A version that is present is echoed (stripped), as before.
        Resultaten v23 = (Resultaten) service.haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", " 2.3 ", null));
        assertThat(v23.school().xsdversie()).isEqualTo("2.3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutXsdversieTheOtherChecksStillDecide(Engine engine) {
        start(engine);

        assertThat(faultOf(() -> service.haal(caller("99AD"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AD", "00", null, null)))).isEqualTo(FaultCode.SCHOOL_ONBEKEND);
        assertThat(faultOf(() -> service.haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AB", "00", null, null))))
                .isEqualTo(FaultCode.AUTORISATIE_ONGELDIG);
        assertThat(faultOf(() -> service.haal(caller("99AA"),
                new LeerresultatenVerzoek("2026-2028", "99AA", "00", null, null)))).isEqualTo(FaultCode.ONGELDIG_BERICHT);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAnXsdversieThatIsPresentButNotSupported(Engine engine) {
        start(engine);

        for (String unsupported : List.of("9.9", "2.1", "", " ")) {
            assertThat(faultOf(() -> service.haal(caller("99AA"),
                    new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", unsupported, null))))
                    .as("xsdversie '%s'", unsupported).isEqualTo(FaultCode.XSD_VERSIE_ONGELDIG);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesUnsupportedXsdVersionAndUnknownSchool(Engine engine) {
        start(engine);

        assertThat(faultOf(() -> service.haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", "2.1", null)))).isEqualTo(FaultCode.XSD_VERSIE_ONGELDIG);
        assertThat(faultOf(() -> service.haal(caller("99AD"), verzoek("99AD", null)))).isEqualTo(FaultCode.SCHOOL_ONBEKEND);
        assertThat(faultOf(() -> new LeerresultatenService(databases.unreachable(engine)).haal(caller("99AA"),
                verzoek("99AA", null)))).isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);
    }
}
