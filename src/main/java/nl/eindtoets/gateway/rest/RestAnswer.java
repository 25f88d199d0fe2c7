package nl.eindtoets.gateway.rest;

/**
 * One answer of the REST front door: an HTTP status and an Ontvangstmelding {@code {"melding": …, "correlatie": …}}.
 *
 * @param retryAfterSeconds the Retry-After header of a 503, else null
 */
public record RestAnswer(int status, String melding, String correlatie, Integer retryAfterSeconds) {
}
