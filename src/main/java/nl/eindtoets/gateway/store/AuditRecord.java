package nl.eindtoets.gateway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway keeps about one request: who, for which school, what was decided. Never personal data. Fields
 * other than {@code time} are null when the request failed before they were known.
 *
 * @param time          when the request was answered
 * @param correlationId the id also shown in fault details and log lines
 * @param messageId     {@code wsa:MessageID}
 * @param signerOin     OIN of the signing LAS vendor
 * @param schoolOin     OIN of the school acted for
 * @param operation     e.g. {@code BrengDeelnemers}
 * @param decision      e.g. {@code accepted}, {@code repeated}, {@code refused}
 * @param faultCode     SOAP fault code local name when refused
 * @param bodyDigest    hex SHA-256 of the canonical body
 */
public record AuditRecord(Instant time, String correlationId, String messageId, String signerOin, String schoolOin,
                          String operation, String decision, String faultCode, String bodyDigest) {
    public AuditRecord {
        Objects.requireNonNull(time, "time");
    }
}
