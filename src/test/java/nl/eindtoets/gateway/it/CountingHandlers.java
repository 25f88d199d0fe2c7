package nl.eindtoets.gateway.it;

import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.app.Gateway;

/**
 * Wraps the gateway's handlers and counts their invocations, so tests can assert that a refused request never
 * reached a handler (rather than assume it).
 */
public final class CountingHandlers {

    private final AtomicInteger deelnemers = new AtomicInteger();
    private final AtomicInteger leerresultaten = new AtomicInteger();

    /** {@code real}, counting each invocation before handing it on. */
    public Gateway.Handlers wrap(Gateway.Handlers real) {
        return new Gateway.Handlers(
                (identity, digest, request) -> {
                    deelnemers.incrementAndGet();
                    return real.deelnemers().handle(identity, digest, request);
                },
                (identity, request) -> {
                    leerresultaten.incrementAndGet();
                    return real.leerresultaten().handle(identity, request);
                });
    }

    /** Invocations of both handlers so far. */
    public int invocations() {
        return deelnemers.get() + leerresultaten.get();
    }
}
