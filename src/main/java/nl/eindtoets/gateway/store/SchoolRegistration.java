package nl.eindtoets.gateway.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A school (BRIN4) registered with the supplier for one school year, and the days on which its LAS may deliver.
 *
 * @param windowOpens  first day deliveries are accepted
 * @param windowCloses last day deliveries are accepted (inclusive)
 * @param naam         the school's name as its reports show it; null when the supplier has not given one
 */
public record SchoolRegistration(String brin, String schooljaar, LocalDate windowOpens, LocalDate windowCloses,
                                 Instant registeredAt, String naam) {

    /** Longest school name stored (column {@code school_registration.schoolnaam}). */
    public static final int NAAM_MAX = 200;

    public SchoolRegistration {
        naam = naam == null || naam.isBlank() ? null : naam.strip();
        if (naam != null && (naam.length() > NAAM_MAX || naam.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("naam must be at most " + NAAM_MAX
                    + " characters on one line, without control characters");
        }
        Objects.requireNonNull(brin, "brin");
        Objects.requireNonNull(schooljaar, "schooljaar");
        Objects.requireNonNull(windowOpens, "windowOpens");
        Objects.requireNonNull(windowCloses, "windowCloses");
        if (!brin.matches("\\d{2}[A-Z]{2}")) {
            throw new IllegalArgumentException("brin must be two digits and two capitals, e.g. 99AA");
        }
        if (!Schooljaar.isValid(schooljaar)) {
            throw new IllegalArgumentException("schooljaar must look like 2026-2027");
        }
        if (windowCloses.isBefore(windowOpens)) {
            throw new IllegalArgumentException("the registration window closes before it opens");
        }
    }

    /** A registration without a name. */
    public SchoolRegistration(String brin, String schooljaar, LocalDate windowOpens, LocalDate windowCloses,
                              Instant registeredAt) {
        this(brin, schooljaar, windowOpens, windowCloses, registeredAt, null);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(windowOpens) && !day.isAfter(windowCloses);
    }
}
