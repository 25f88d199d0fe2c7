package nl.eindtoets.gateway.push;

/** The source of LAS endpoints (database or OSR) could not answer; the caller tries again later. */
public class LasEndpointsUnavailableException extends RuntimeException {

    public LasEndpointsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LasEndpointsUnavailableException(String message) {
        super(message);
    }
}
