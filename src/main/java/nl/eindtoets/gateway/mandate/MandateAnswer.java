package nl.eindtoets.gateway.mandate;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;

/**
 * A register's answer: a mandate holds or it does not. A granted answer may carry the mandate's last day, which
 * bounds how long it may be cached. {@code source} says where the answer came from, for the audit record.
 */
public record MandateAnswer(boolean granted, LocalDate endDate, Source source) {

    public MandateAnswer {
        Objects.requireNonNull(source, "source");
        if (!granted && endDate != null) {
            throw new IllegalArgumentException("a denial has no end date");
        }
    }

    public static MandateAnswer granted(LocalDate endDateOrNull, Source source) {
        return new MandateAnswer(true, endDateOrNull, source);
    }

    public static MandateAnswer denied(Source source) {
        return new MandateAnswer(false, null, source);
    }

    /** The last day the mandate holds, when the register knows it. */
    public Optional<LocalDate> end() {
        return Optional.ofNullable(endDate);
    }

    /** The same answer, marked as served from {@code newSource}. */
    public MandateAnswer from(Source newSource) {
        return new MandateAnswer(granted, endDate, newSource);
    }
}
