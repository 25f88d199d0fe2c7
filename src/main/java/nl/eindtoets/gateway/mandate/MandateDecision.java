package nl.eindtoets.gateway.mandate;

import java.time.Instant;
import java.time.LocalDate;
import nl.eindtoets.gateway.request.Oin;

/**
 * One mandate decision, as recorded for audit: never personal data, only who asked for which school.
 *
 * @param time             when the decision was taken
 * @param messageId        {@code wsa:MessageID} of the request that needed it
 * @param signerOin        the LAS vendor's OIN (supplier_oin in OSR terms)
 * @param schoolOin        the school's OIN
 * @param serviceNamespace OSR service_version_namespace asked about
 * @param referenceDate    the day the mandate must hold
 * @param outcome          granted, denied, or register unavailable
 * @param source           where the answer came from
 */
public record MandateDecision(Instant time, String messageId, Oin signerOin, Oin schoolOin, String serviceNamespace,
                              LocalDate referenceDate, Outcome outcome, Source source) {

    public enum Outcome { GRANTED, DENIED, UNAVAILABLE }

    public enum Source { CACHE, OSR, EMBEDDED }
}
