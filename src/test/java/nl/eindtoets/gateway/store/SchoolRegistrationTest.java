package nl.eindtoets.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SchoolRegistrationTest {

    private static SchoolRegistration named(String naam) {
        return new SchoolRegistration("12AB", "2026-2027", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 1),
                Instant.parse("2026-11-30T10:00:00Z"), naam);
    }

    @Test
    void aBlankNameIsNoName() {
        assertThat(named("  ").naam()).isNull();
    }

    @Test
    void aNameIsKeptWithoutSurroundingSpaces() {
        assertThat(named("  Basisschool De Eik ").naam()).isEqualTo("Basisschool De Eik");
    }

    @Test
    void refusesANameLongerThanTheColumn() {
        assertThat(named("x".repeat(SchoolRegistration.NAAM_MAX)).naam()).hasSize(SchoolRegistration.NAAM_MAX);
        assertThatThrownBy(() -> named("x".repeat(SchoolRegistration.NAAM_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("naam");
    }

    @Test
    void refusesANameWithControlCharacters() {
        assertThatThrownBy(() -> named("De Eik\nlocatie Noord")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> named("De\tEik")).isInstanceOf(IllegalArgumentException.class);
    }
}
