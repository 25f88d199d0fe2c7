package nl.eindtoets.gateway.soap;

import java.util.UUID;
import org.apache.cxf.message.Exchange;

/** The correlation id of one request: in the fault detail, the log lines and the audit record alike. */
public final class Correlation {

    public static final String MDC_KEY = "correlationId";
    private static final String KEY = Correlation.class.getName();

    private Correlation() {
    }

    static String assign(Exchange exchange) {
        String id = UUID.randomUUID().toString();
        exchange.put(KEY, id);
        return id;
    }

    /** The id assigned on arrival; a fresh one when the request never got that far. */
    public static String of(Exchange exchange) {
        Object id = exchange == null ? null : exchange.get(KEY);
        return id != null ? id.toString() : exchange == null ? UUID.randomUUID().toString() : assign(exchange);
    }
}
