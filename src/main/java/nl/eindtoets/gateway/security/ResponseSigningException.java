package nl.eindtoets.gateway.security;

/** An answer could not be signed: the envelope is not one the signer's layout covers, or the key failed. */
public final class ResponseSigningException extends Exception {

    public ResponseSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
