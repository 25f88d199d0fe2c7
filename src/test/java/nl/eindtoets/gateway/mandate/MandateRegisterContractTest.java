package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_B;
import static nl.eindtoets.gateway.mandate.DevFixtures.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.eindtoets.gateway.mandate.MandateDecision.Outcome;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The development mandates (certs-dev/README.md) give the same decisions whichever register answers: the embedded file,
 * or the OSR client talking HTTPS to the simulator serving that file. Each case goes through the cache and the
 * mandate check, as the gateway uses them.
 */
class MandateRegisterContractTest {

    private static OsrSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = DevTls.simulator("osr.p12", MandateFile.readDevelopmentMandates());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    static Stream<Arguments> registers() {
        Function<MutableClock, MandateRegister> embedded = clock -> EmbeddedMandateRegister.fromFile(null);
        Function<MutableClock, MandateRegister> osr = clock -> DevTls.client(simulator.baseUrl(), DevTls.gatewayClient());
        return Stream.of(Arguments.of(Named.of("embedded", embedded)), Arguments.of(Named.of("osr", osr)));
    }

    private final MutableClock clock = new MutableClock(DevFixtures.TODAY);
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    private MandateCheck check(Function<MutableClock, MandateRegister> register) {
        MandateRegister cached = new CachingMandateRegister(register.apply(clock), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ZERO, 100, clock);
        return new MandateCheck(cached, DevFixtures.NAMESPACE, log, clock);
    }

    @ParameterizedTest
    @MethodSource("registers")
    void grantsLasAForSchools99AAAnd99AB(Function<MutableClock, MandateRegister> register) {
        MandateCheck check = check(register);

        assertThatCode(() -> check.check(identity(LAS_A, "99AA"))).doesNotThrowAnyException();
        assertThatCode(() -> check.check(identity(LAS_A, "99AB"))).doesNotThrowAnyException();
        assertThat(log.decisions).extracting(MandateDecision::outcome).containsExactly(Outcome.GRANTED, Outcome.GRANTED);
    }

    @ParameterizedTest
    @MethodSource("registers")
    void grantsLasBForSchool99AC(Function<MutableClock, MandateRegister> register) {
        assertThatCode(() -> check(register).check(identity(LAS_B, "99AC"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("registers")
    void refusesLasBFor99AAWhoseMandateEnded(Function<MutableClock, MandateRegister> register) {
        assertRefused(check(register), LAS_B, "99AA");
    }

    @ParameterizedTest
    @MethodSource("registers")
    void refusesLasAFor99ADWhichGaveNoMandate(Function<MutableClock, MandateRegister> register) {
        assertRefused(check(register), LAS_A, "99AD");
    }

    @ParameterizedTest
    @MethodSource("registers")
    void refusesAMandateWhoseStartDateLiesInTheFuture(Function<MutableClock, MandateRegister> register) {
        // las-b's mandate for 99AB starts on 2099-08-01
        assertRefused(check(register), LAS_B, "99AB");
    }

    @ParameterizedTest
    @MethodSource("registers")
    void grantsThatMandateOnceItsStartDateArrives(Function<MutableClock, MandateRegister> register) {
        clock.set(Instant.parse("2099-08-01T08:00:00Z"));

        assertThatCode(() -> check(register).check(identity(LAS_B, "99AB"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("registers")
    void refusesAMandateForAnotherServiceNamespace(Function<MutableClock, MandateRegister> register) {
        MandateRegister cached = new CachingMandateRegister(register.apply(clock), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ZERO, 100, clock);
        MandateCheck otherService = new MandateCheck(cached, "urn:dev:osr:another-service", log, clock);

        assertThatThrownBy(() -> otherService.check(identity(LAS_A, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
    }

    private void assertRefused(MandateCheck check, Oin signer, String brin) {
        assertThatThrownBy(() -> check.check(identity(signer, brin)))
                .isInstanceOfSatisfying(GatewayFault.class, f -> {
                    assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG);
                    assertThat(f.digikoppelingCode()).isEqualTo("0002");
                });
        assertThat(log.last().outcome()).isEqualTo(Outcome.DENIED);
    }
}
