package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_B;
import static nl.eindtoets.gateway.mandate.DevFixtures.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.eindtoets.gateway.mandate.MandateDecision.Outcome;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.RequestFixtures;
import nl.eindtoets.gateway.request.RequestIdentity;
import org.junit.jupiter.api.Test;

class MandateCheckTest {

    private final MutableClock clock = new MutableClock(DevFixtures.TODAY);
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    private MandateCheck check(MandateRegister register) {
        return new MandateCheck(register, DevFixtures.NAMESPACE, log, clock);
    }

    private MandateCheck embeddedWithCache() {
        return check(new CachingMandateRegister(EmbeddedMandateRegister.fromFile(null), Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ZERO, 100, clock));
    }

    @Test
    void recordsAGrantWithEveryAuditField() {
        RequestIdentity request = identity(LAS_A, "99AA");

        embeddedWithCache().check(request);

        assertThat(log.decisions).containsExactly(new MandateDecision(DevFixtures.TODAY, request.messageId(), LAS_A,
                DevFixtures.school("99AA"), DevFixtures.NAMESPACE, DevFixtures.TODAY_DATE, Outcome.GRANTED,
                Source.EMBEDDED));
    }

    @Test
    void recordsThatARepeatedDecisionCameFromTheCache() {
        MandateCheck check = embeddedWithCache();

        check.check(identity(LAS_A, "99AA"));
        check.check(identity(LAS_A, "99AA"));

        assertThat(log.decisions).extracting(MandateDecision::source).containsExactly(Source.EMBEDDED, Source.CACHE);
    }

    @Test
    void refusesWithAutorisatieOngeldigAndRecordsTheDenial() {
        assertThatThrownBy(() -> embeddedWithCache().check(identity(LAS_B, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class, f -> {
                    assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG);
                    assertThat(f.digikoppelingCode()).isEqualTo("0002");
                });
        assertThat(log.last().outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void takesTodayInAmsterdamNotInUtc() {
        // 23:30 UTC on 31 July 2025 is already 1 August in Amsterdam, the day las-a's mandate for 99AA starts
        clock.set(Instant.parse("2025-07-31T23:30:00Z"));

        assertThatCode(() -> embeddedWithCache().check(identity(LAS_A, "99AA"))).doesNotThrowAnyException();
        assertThat(log.last().referenceDate()).isEqualTo(LocalDate.of(2025, 8, 1));
    }

    @Test
    void refusesTheDayBeforeAMandateStarts() {
        clock.set(Instant.parse("2025-07-31T12:00:00Z"));

        assertThatThrownBy(() -> embeddedWithCache().check(identity(LAS_A, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
    }

    @Test
    void anUnavailableRegisterGivesTijdelijkNietBeschikbaarAndIsRecorded() {
        ScriptedRegister down = new ScriptedRegister(ScriptedRegister::unavailable);

        assertThatThrownBy(() -> check(down).check(identity(LAS_A, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class, f -> {
                    assertThat(f.code()).isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);
                    assertThat(f.digikoppelingCode()).isEqualTo("0051");
                    assertThat(f.getCause()).isInstanceOf(MandateRegisterUnavailableException.class);
                });
        assertThat(log.last().outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(log.last().source()).isEqualTo(Source.OSR);
    }

    @Test
    void anUnexpectedRegisterErrorNeverLetsTheRequestThrough() {
        ScriptedRegister broken = new ScriptedRegister(q -> {
            throw new IllegalStateException("bug");
        });

        assertThatThrownBy(() -> check(broken).check(identity(LAS_A, "99AA")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(log.last().outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void asAStageMarksAMandatedRequestAuthorised() {
        GatewayRequest request = RequestFixtures.identified("99AA");

        embeddedWithCache().apply(request);

        assertThat(request.isAuthorised()).isTrue();
        assertThat(log.last().outcome()).isEqualTo(Outcome.GRANTED);
    }

    @Test
    void asAStageLeavesARequestWithoutMandateUnauthorised() {
        GatewayRequest request = RequestFixtures.identified("99AC");

        assertThatThrownBy(() -> embeddedWithCache().apply(request)).isInstanceOfSatisfying(GatewayFault.class,
                f -> assertThat(f.code()).isEqualTo(FaultCode.AUTORISATIE_ONGELDIG));
        assertThat(request.isAuthorised()).isFalse();
    }

    @Test
    void asAStageAsksNoRegisterForARequestThatWasNotIdentified() {
        ScriptedRegister register = new ScriptedRegister(q -> MandateAnswer.granted(null, Source.OSR));
        GatewayRequest request = RequestFixtures.passedWsSecurity(
                RequestFixtures.envelope("", RequestFixtures.leerresultatenVerzoek("99AA")), "las-a");

        assertThatThrownBy(() -> check(register).apply(request)).isInstanceOf(IllegalStateException.class);
        assertThat(register.calls).hasValue(0);
        assertThat(request.isAuthorised()).isFalse();
    }
}
