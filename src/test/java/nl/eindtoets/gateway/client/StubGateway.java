package nl.eindtoets.gateway.client;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in HTTPS endpoint for client tests: mutual TLS with certs-dev/gateway.p12 on 127.0.0.1 (ephemeral port),
 * client certificate required, answering each POST through a test-supplied function. It is not the gateway; it lets
 * the client's TLS, HTTP and verification be tested on their own.
 */
final class StubGateway implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers, byte[] body,
                    X509Certificate clientCertificate) {
    }

    record Reply(int status, byte[] body) {
    }

    interface Responder {
        Reply answer(byte[] requestBody) throws Exception;
    }

    private final HttpsServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubGateway(Responder responder) throws Exception {
        SigningKey key = DevCerts.signingKey("gateway");
        char[] pw = UUID.randomUUID().toString().toCharArray();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(key.asKeyStore(pw), pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(DevCerts.truststore());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                X509Certificate peer = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                        .getPeerCertificates()[0];
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body, peer));
                Reply reply;
                try {
                    reply = responder.answer(body);
                } catch (Exception e) {
                    reply = new Reply(500, ("stub failed: " + e).getBytes());
                }
                exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
                exchange.sendResponseHeaders(reply.status(), reply.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            } catch (IOException e) {
                throw e;
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
