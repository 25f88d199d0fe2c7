package nl.eindtoets.gateway.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.eindtoets.gateway.app.Gateway;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptor;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Wraps the gateway's handlers and counts their invocations, so tests can assert that a refused request never
 * reached a handler (rather than assume it).
 */
public final class CountingHandlers {

    private final AtomicInteger deelnemers = new AtomicInteger();
    private final AtomicInteger leerresultaten = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicReference<List<String>> lastChain = new AtomicReference<>(List.of());

    /** {@code real}, counting each invocation before handing it on. */
    public Gateway.Handlers wrap(Gateway.Handlers real) {
        return new Gateway.Handlers(
                (c, identity, digest, request) -> {
                    deelnemers.incrementAndGet();
                    observe();
                    return real.deelnemers().handle(c, identity, digest, request);
                },
                (c, identity, request) -> {
                    leerresultaten.incrementAndGet();
                    observe();
                    return real.leerresultaten().handle(c, identity, request);
                });
    }

    /** From now on every handler call fails with an unexpected exception (until {@link #recover()}). */
    public void failFromNowOn() {
        failing.set(true);
    }

    public void recover() {
        failing.set(false);
    }

    /**
     * The ids of the inbound interceptors, in the order the running chain resolved them, as seen by the last handler
     * call.
     */
    public List<String> lastResolvedChain() {
        return lastChain.get();
    }

    private void observe() {
        Message current = PhaseInterceptorChain.getCurrentMessage();
        if (current != null && current.getInterceptorChain() != null) {
            List<String> ids = new ArrayList<>();
            for (Interceptor<? extends Message> i : current.getInterceptorChain()) {
                ids.add(i instanceof PhaseInterceptor<?> p ? p.getId() : i.getClass().getName());
            }
            lastChain.set(List.copyOf(ids));
        }
        if (failing.get()) {
            throw new IllegalStateException("handler failure provoked by the test");
        }
    }

    /** Invocations of both handlers so far. */
    public int invocations() {
        return deelnemers.get() + leerresultaten.get();
    }
}
