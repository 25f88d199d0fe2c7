package nl.eindtoets.gateway.edge;

import java.util.UUID;

/** The correlation id of one request: in the fault detail, the log lines and the audit record alike. */
public final class Correlation {

    /** The key of the id in the logging context, so every log line of the request carries it. */
    public static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
