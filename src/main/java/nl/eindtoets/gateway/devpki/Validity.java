package nl.eindtoets.gateway.devpki;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/** The period a certificate is valid: from {@code notBefore} up to and including {@code notAfter}. */
public record Validity(Instant notBefore, Instant notAfter) {

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must lie after notBefore");
        }
    }

    Date notBeforeDate() {
        return Date.from(notBefore);
    }

    Date notAfterDate() {
        return Date.from(notAfter);
    }
}
