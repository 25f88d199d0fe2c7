package nl.eindtoets.gateway.edge;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
public final class MessageTooLargeException extends IOException {
    public MessageTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
