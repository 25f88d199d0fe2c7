package nl.eindtoets.gateway.mandate;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import nl.eindtoets.gateway.request.Oin;

/**
 * One endpoint ("afleveradres") as a mandated LAS supplier registers it in the OSR: where the school administration
 * known by {@code routingId} (its routeringskenmerk) takes messages of {@code serviceNamespace}, from
 * {@code startDate} up to and including {@code endDate} (open-ended when null). Served by osr-sim from a mandates
 * file.
 */
public record OsrEndpoint(String routingId, Oin schoolOin, String serviceNamespace, URI url, LocalDate startDate,
                          LocalDate endDate) {

    /** The endpoint lookup of the OSR API. */
    public static final String LOOKUP_PATH = "/api/v2/endpoints";

    public OsrEndpoint {
        Objects.requireNonNull(routingId, "routing_id");
        Objects.requireNonNull(schoolOin, "school_oin");
        Objects.requireNonNull(serviceNamespace, "service_version_namespace");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(startDate, "start_date");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("url " + url + " is not absolute");
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("end_date " + endDate + " lies before start_date " + startDate);
        }
    }

    /** Whether this endpoint answers a lookup by routeringskenmerk for {@code namespace} on {@code day}. */
    public boolean answers(String routingId, String namespace, LocalDate day) {
        return this.routingId.equals(routingId) && serviceNamespace.equals(namespace) && holdsOn(day);
    }

    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
