package nl.eindtoets.gateway.mandate;

/** The register could not answer; the caller must treat the request as refused for now (retryable). */
public class MandateRegisterUnavailableException extends RuntimeException {

    public MandateRegisterUnavailableException(String message) {
        super(message);
    }

    public MandateRegisterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
