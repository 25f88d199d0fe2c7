package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MandateTest {

    private final Mandate ending = new Mandate(LAS_A, DevFixtures.school("99AA"), DevFixtures.NAMESPACE,
            LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 31));

    @Test
    void holdsFromItsStartDateThroughItsEndDate() {
        assertThat(ending.holdsOn(LocalDate.of(2026, 8, 1))).isTrue();
        assertThat(ending.holdsOn(LocalDate.of(2026, 12, 31))).isTrue();
    }

    @Test
    void doesNotHoldTheDayBeforeItStarts() {
        assertThat(ending.holdsOn(LocalDate.of(2026, 7, 31))).isFalse();
    }

    @Test
    void doesNotHoldTheDayAfterItEnded() {
        assertThat(ending.holdsOn(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void withoutEndDateHoldsIndefinitely() {
        Mandate open = new Mandate(LAS_A, DevFixtures.school("99AA"), DevFixtures.NAMESPACE,
                LocalDate.of(2026, 8, 1), null);

        assertThat(open.holdsOn(LocalDate.of(2100, 1, 1))).isTrue();
    }

    @Test
    void answersOnlyItsOwnServiceNamespace() {
        MandateQuery other = new MandateQuery(LAS_A, DevFixtures.school("99AA"), "urn:other", LocalDate.of(2026, 9, 1));

        assertThat(ending.answers(other)).isFalse();
        assertThat(ending.answers(new MandateQuery(LAS_A, DevFixtures.school("99AA"), DevFixtures.NAMESPACE,
                LocalDate.of(2026, 9, 1)))).isTrue();
    }
}
