package nl.eindtoets.gateway.rest;

/**
 * One answer of the REST front door: an HTTP status and an Ontvangstmelding {@code {"melding": …, "correlatie": …}},
 * or a PDF, or (204) nothing.
 *
 * @param retryAfterSeconds the Retry-After header of a 503, else null
 * @param pdf               the body of a 200 leerlingrapport, else null
 */
public record RestAnswer(int status, String melding, String correlatie, Integer retryAfterSeconds, byte[] pdf) {

    public RestAnswer(int status, String melding, String correlatie, Integer retryAfterSeconds) {
        this(status, melding, correlatie, retryAfterSeconds, null);
    }
}
