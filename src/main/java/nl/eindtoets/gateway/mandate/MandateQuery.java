package nl.eindtoets.gateway.mandate;

import java.time.LocalDate;
import java.util.Objects;
import nl.eindtoets.gateway.request.Oin;

/**
 * The question put to a mandate register: may {@code supplierOin} exchange messages of {@code serviceNamespace} on
 * behalf of {@code schoolOin} on {@code referenceDate}? Also the cache key, so it holds nothing else.
 */
public record MandateQuery(Oin supplierOin, Oin schoolOin, String serviceNamespace, LocalDate referenceDate) {
    public MandateQuery {
        Objects.requireNonNull(supplierOin, "supplierOin");
        Objects.requireNonNull(schoolOin, "schoolOin");
        Objects.requireNonNull(serviceNamespace, "serviceNamespace");
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (serviceNamespace.isBlank()) {
            throw new IllegalArgumentException("serviceNamespace is blank");
        }
    }
}
