package nl.eindtoets.gateway.push;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.simulator.MutualTlsServer;

/**
 * A LAS over real mutual TLS (las-a's key from certs-dev) whose answers the test writes itself, for the answers
 * las-sim never gives: a stall after the headers, an endless body, a redirect. Stalled handlers end on close.
 */
final class ScriptedLas implements AutoCloseable {

    private final MutualTlsServer server = new MutualTlsServer("scripted-las", "127.0.0.1", 0,
            MutualTlsContext.context(Path.of("certs-dev", "las-a.p12"), PushFixture.PASSWORD, null,
                    Path.of("certs-dev", "truststore.p12"), PushFixture.PASSWORD));
    private final CountDownLatch closing = new CountDownLatch(1);

    ScriptedLas(HttpHandler handler) {
        server.start(Map.of("/", handler));
    }

    /** Answers {@code status} with a Content-Length of 100, sends ten bytes of it and then nothing more. */
    static ScriptedLas stallingAfterHeaders(int status) {
        ScriptedLas[] las = new ScriptedLas[1];
        las[0] = new ScriptedLas(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, 100);
            exchange.getResponseBody().write("{\"melding\"".getBytes());
            exchange.getResponseBody().flush();
            las[0].awaitClose();
            exchange.close();
        });
        return las[0];
    }

    /** Answers {@code status} with a chunked body that never ends (until close). */
    static ScriptedLas endlessAnswer(int status) {
        ScriptedLas[] las = new ScriptedLas[1];
        las[0] = new ScriptedLas(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, 0);
            byte[] chunk = "x".repeat(1024).getBytes();
            try {
                while (las[0].closing.getCount() > 0) {
                    exchange.getResponseBody().write(chunk);
                }
            } finally {
                exchange.close();
            }
        });
        return las[0];
    }

    /** Answers every request with {@code status} and an empty body (e.g. a redirect with a Location). */
    static ScriptedLas answering(int status) {
        return new ScriptedLas(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Location", "https://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    URI baseUrl() {
        return URI.create("https://127.0.0.1:" + server.port());
    }

    private void awaitClose() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop();
    }
}
