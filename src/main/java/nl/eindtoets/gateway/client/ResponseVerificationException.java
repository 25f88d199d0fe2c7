package nl.eindtoets.gateway.client;

/** The gateway's answer cannot be trusted or understood; the message says which check failed. */
public final class ResponseVerificationException extends Exception {

    public ResponseVerificationException(String message) {
        super(message);
    }

    public ResponseVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
