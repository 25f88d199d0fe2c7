package nl.eindtoets.gateway.deelnemers;

import static nl.eindtoets.gateway.deelnemers.Lijsten.SCHOOLJAAR;
import static nl.eindtoets.gateway.deelnemers.Lijsten.caller;
import static nl.eindtoets.gateway.deelnemers.Lijsten.digest;
import static nl.eindtoets.gateway.deelnemers.Lijsten.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeelnemersServiceTest {

    private static final OffsetDateTime NOV_15 = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");
    private static final OffsetDateTime NOV_20 = OffsetDateTime.parse("2026-11-20T10:00:00+01:00");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    private Database db;
    private DeelnemersService service;
    private DeliveryStore store;

    private void start(Engine engine) {
        db = databases.fresh(engine);
        DevelopmentData.seedIfEmpty(db, clock);
        service = new DeelnemersService(db, clock);
        store = new DeliveryStore(db);
    }

    private List<String> currentKeys(String brin) {
        return store.currentList(brin, "00", SCHOOLJAAR).orElseThrow().leerlingen().stream().map(Leerling::key).toList();
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
    void storesADeliveryAndAnswersWithItsReceipt(Engine engine) {
        start(engine);
        Deelnemerslijst lijst = lijst("99AA", "a", 3, NOV_15);

        Ontvangst o = service.bring(caller("99AA"), digest("1"), lijst);

        assertThat(o.aantalDeelnemers()).isEqualTo(3);
        assertThat(o.ontvangenOp().toInstant()).isEqualTo(clock.instant());
        CurrentList current = store.currentList("99AA", "00", SCHOOLJAAR).orElseThrow();
        assertThat(current.delivery().id()).isEqualTo(o.ontvangstId());
        assertThat(current.leerlingen()).isEqualTo(lijst.leerlingen());
        assertThat(current.groepen()).isEqualTo(lijst.groepen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSecondDeliveryReplacesTheFirstWhichIsKeptAsSuperseded(Engine engine) {
        start(engine);
        Ontvangst first = service.bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_15));
        Ontvangst second = service.bring(caller("99AA"), digest("2"), lijst("99AA", "b", 2, NOV_20));

        assertThat(currentKeys("99AA")).containsExactly("b-0", "b-1");
        List<StoredDelivery> history = store.history("99AA", "00", SCHOOLJAAR);
        assertThat(history).extracting(StoredDelivery::id).containsExactlyInAnyOrder(first.ontvangstId(), second.ontvangstId());
        assertThat(history).filteredOn(StoredDelivery::isCurrent).extracting(StoredDelivery::id)
                .containsExactly(second.ontvangstId());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAnOlderDeliveryAndKeepsTheStoredList(Engine engine) {
        start(engine);
        service.bring(caller("99AA"), digest("1"), lijst("99AA", "a", 3, NOV_20));

        assertThatThrownBy(() -> service.bring(caller("99AA"), digest("2"), lijst("99AA", "b", 2, NOV_15)))
                .isInstanceOfSatisfying(GatewayFault.class, f -> {
                    assertThat(f.code()).isEqualTo(FaultCode.ONGELDIG_BERICHT);
                    assertThat(f.getMessage()).contains("/deelnemers_aanlevering/leerlinggegevens/school/aanmaakdatum");
                });
        assertThat(currentKeys("99AA")).containsExactly("a-0", "a-1", "a-2");
        assertThat(store.history("99AA", "00", SCHOOLJAAR)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anIdenticalRepeatGetsTheOriginalReceiptAndStoresNothing(Engine engine) {
        start(engine);
        RequestIdentity caller = caller("99AA", "urn:uuid:repeat-1");
        Ontvangst original = service.bring(caller, digest("1"), lijst("99AA", "a", 3, NOV_15));
        service.bring(caller("99AA"), digest("2"), lijst("99AA", "b", 2, NOV_20));

        Ontvangst again = service.bring(caller, digest("1"), lijst("99AA", "a", 3, NOV_15));

        assertThat(again).isEqualTo(original);
        assertThat(currentKeys("99AA")).containsExactly("b-0", "b-1");
        assertThat(store.history("99AA", "00", SCHOOLJAAR)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesTheSameMessageIdWithADifferentBody(Engine engine) {
        start(engine);
        RequestIdentity caller = caller("99AA", "urn:uuid:repeat-2");
        service.bring(caller, digest("1"), lijst("99AA", "a", 3, NOV_15));

        assertThat(faultOf(() -> service.bring(caller, digest("other"), lijst("99AA", "b", 2, NOV_20))))
                .isEqualTo(FaultCode.ONGELDIG_BERICHT);
        assertThat(currentKeys("99AA")).containsExactly("a-0", "a-1", "a-2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesASchoolNotRegisteredForThatSchoolYear(Engine engine) {
        start(engine);

        assertThat(faultOf(() -> service.bring(caller("99AD"), digest("1"), lijst("99AD", "a", 1, NOV_15))))
                .isEqualTo(FaultCode.SCHOOL_ONBEKEND);
        Deelnemerslijst nextYear = lijst("99AA", "a", 1, NOV_15);
        Deelnemerslijst other = new Deelnemerslijst(new School("2027-2028", "99AA", "00", NOV_15, "2.2"),
                nextYear.groepen(), nextYear.leerlingen());
        assertThat(faultOf(() -> service.bring(caller("99AA"), digest("2"), other)))
                .isEqualTo(FaultCode.SCHOOL_ONBEKEND);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesADeliveryOutsideTheRegistrationWindow(Engine engine) {
        start(engine);
        new SchoolRegistry(db).register(new SchoolRegistration("99AB", SCHOOLJAAR, LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 31), clock.instant()));
        new SchoolRegistry(db).register(new SchoolRegistration("99AC", SCHOOLJAAR, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 11, 29), clock.instant()));

        assertThat(faultOf(() -> service.bring(caller("99AB"), digest("1"), lijst("99AB", "a", 1, NOV_15))))
                .isEqualTo(FaultCode.INSCHRIJVING_GESLOTEN);
        assertThat(faultOf(() -> service.bring(caller("99AC"), digest("2"), lijst("99AC", "a", 1, NOV_15))))
                .isEqualTo(FaultCode.INSCHRIJVING_GESLOTEN);
        assertThat(store.currentList("99AB", "00", SCHOOLJAAR)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void acceptsADeliveryOnTheLastDayOfTheWindowInDutchTime(Engine engine) {
        start(engine);
        new SchoolRegistry(db).register(new SchoolRegistration("99AB", SCHOOLJAAR, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 11, 30), clock.instant()));
        // 23:30 UTC on 29 November is 00:30 on 30 November in Amsterdam
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-30T22:30:00Z"), ZoneOffset.UTC);

        Ontvangst o = new DeelnemersService(db, lateEvening).bring(caller("99AB"), digest("1"), lijst("99AB", "a", 1, NOV_15));

        assertThat(o.aantalDeelnemers()).isEqualTo(1);
        assertThat(faultOf(() -> new DeelnemersService(db, Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"),
                ZoneOffset.UTC)).bring(caller("99AB"), digest("2"), lijst("99AB", "b", 1, NOV_20))))
                .isEqualTo(FaultCode.INSCHRIJVING_GESLOTEN);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAnUnsupportedXsdVersion(Engine engine) {
        start(engine);
        Deelnemerslijst l = lijst("99AA", "a", 1, NOV_15);
        Deelnemerslijst v99 = new Deelnemerslijst(new School(SCHOOLJAAR, "99AA", "00", NOV_15, "9.9"), l.groepen(),
                l.leerlingen());

        assertThat(faultOf(() -> service.bring(caller("99AA"), digest("1"), v99))).isEqualTo(FaultCode.XSD_VERSIE_ONGELDIG);
        assertThat(store.currentList("99AA", "00", SCHOOLJAAR)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void answersTemporarilyUnavailableWhenTheDatabaseIsGone(Engine engine) {
        service = new DeelnemersService(databases.unreachable(engine), clock);

        assertThat(faultOf(() -> service.bring(caller("99AA"), digest("1"), lijst("99AA", "a", 1, NOV_15))))
                .isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentDeliveriesForOneSchoolEndWithOneCompleteList(Engine engine) throws Exception {
        start(engine);
        Deelnemerslijst a = lijst("99AA", "a", 300, NOV_15);
        Deelnemerslijst b = lijst("99AA", "b", 200, NOV_15);

        List<String> keys = raceTwo(service, service, a, b);

        assertThat(keys).satisfiesAnyOf(
                k -> assertThat(k).isEqualTo(a.leerlingen().stream().map(Leerling::key).toList()),
                k -> assertThat(k).isEqualTo(b.leerlingen().stream().map(Leerling::key).toList()));
        assertThat(store.history("99AA", "00", SCHOOLJAAR)).filteredOn(StoredDelivery::isCurrent).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "POSTGRESQL")
    void concurrentDeliveriesOnTwoNodesSharingOneDatabaseEndWithOneCompleteList(Engine engine) throws Exception {
        var settings = databases.settings(engine);
        Database node1 = databases.open(settings);
        Database node2 = databases.open(settings);
        DevelopmentData.seedIfEmpty(node1, clock);
        store = new DeliveryStore(node1);
        Deelnemerslijst a = lijst("99AA", "a", 300, NOV_15);
        Deelnemerslijst b = lijst("99AA", "b", 200, NOV_15);

        for (int round = 0; round < 3; round++) {
            List<String> keys = raceTwo(new DeelnemersService(node1, clock), new DeelnemersService(node2, clock), a, b);

            assertThat(keys).satisfiesAnyOf(
                    k -> assertThat(k).isEqualTo(a.leerlingen().stream().map(Leerling::key).toList()),
                    k -> assertThat(k).isEqualTo(b.leerlingen().stream().map(Leerling::key).toList()));
        }
        assertThat(store.history("99AA", "00", SCHOOLJAAR)).hasSize(6)
                .filteredOn(StoredDelivery::isCurrent).hasSize(1);
    }

    /** Delivers {@code a} through one service and {@code b} through the other at the same moment. */
    private List<String> raceTwo(DeelnemersService one, DeelnemersService two, Deelnemerslijst a, Deelnemerslijst b)
            throws Exception {
        var start = new java.util.concurrent.CyclicBarrier(2);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread ta = new Thread(() -> deliver(start, one, a, failures));
        Thread tb = new Thread(() -> deliver(start, two, b, failures));
        ta.start();
        tb.start();
        ta.join(60_000);
        tb.join(60_000);
        assertThat(failures).isEmpty();
        return currentKeys("99AA");
    }

    private static void deliver(java.util.concurrent.CyclicBarrier start, DeelnemersService s, Deelnemerslijst l,
                                List<Throwable> failures) {
        try {
            start.await();
            s.bring(caller("99AA"), digest(l.leerlingen().get(0).key() + System.nanoTime()), l);
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
