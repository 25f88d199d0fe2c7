package nl.eindtoets.gateway.request;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Organisatie-identificatienummer: 20 characters, digits and upper-case letters, as registered by Logius.
 * A school OIN is {@code 00000007000} + BRIN4 + {@code 00000}.
 */
public record Oin(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{20}");
    private static final Pattern SCHOOL = Pattern.compile("00000007000(\\d{2}[A-Z]{2})00000");

    public Oin {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an OIN: 20 digits or upper-case letters expected");
        }
    }

    /** Parses {@code text}, or returns null when it is not a well-formed OIN. */
    public static Oin parseOrNull(String text) {
        return text != null && FORMAT.matcher(text).matches() ? new Oin(text) : null;
    }

    public static Oin ofSchool(String brin) {
        if (brin == null || !brin.matches("\\d{2}[A-Z]{2}")) {
            throw new IllegalArgumentException("not a BRIN4");
        }
        return new Oin("00000007000" + brin + "00000");
    }

    public boolean isSchoolOin() {
        return SCHOOL.matcher(value).matches();
    }

    /** The BRIN4 of a school OIN; throws when this is not a school OIN. */
    public String schoolBrin() {
        var m = SCHOOL.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("not a school OIN");
        }
        return m.group(1);
    }

    @Override
    public String toString() {
        return value;
    }
}
