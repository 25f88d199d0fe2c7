package nl.eindtoets.gateway.store;

/** The store failed for a reason other than being unreachable (a bug, a constraint we did not expect). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
