package nl.eindtoets.gateway.mandate;

import java.time.LocalDate;
import java.util.Objects;
import nl.eindtoets.gateway.request.Oin;

/**
 * One mandate as a school's OSR administrator records it: {@code supplierOin} may act for {@code schoolOin} in
 * {@code serviceNamespace} from {@code startDate} up to and including {@code endDate} (open-ended when null).
 */
public record Mandate(Oin supplierOin, Oin schoolOin, String serviceNamespace, LocalDate startDate,
                      LocalDate endDate) {

    public Mandate {
        Objects.requireNonNull(supplierOin, "supplier_oin");
        Objects.requireNonNull(schoolOin, "school_oin");
        Objects.requireNonNull(serviceNamespace, "service_version_namespace");
        Objects.requireNonNull(startDate, "start_date");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("end_date " + endDate + " lies before start_date " + startDate);
        }
    }

    /** Whether this mandate answers {@code query}: same parties and service, and the day lies within its dates. */
    public boolean answers(MandateQuery query) {
        return supplierOin.equals(query.supplierOin())
                && schoolOin.equals(query.schoolOin())
                && serviceNamespace.equals(query.serviceNamespace())
                && holdsOn(query.referenceDate());
    }

    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
