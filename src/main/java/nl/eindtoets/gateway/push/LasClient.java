package nl.eindtoets.gateway.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.CertificateChainValidator;

/**
 * Posts one Leerlingresultaat to a LAS over mutual TLS: the gateway's key as client certificate, the LAS identified
 * by chain, revocation and OIN ({@link LasServerTrustManager}). One HTTP client per expected LAS OIN, because a
 * client's pooled connections were judged for one OIN and must not carry another LAS's messages. The whole exchange
 * (connecting, sending, the answer's headers and body) is bounded by the connect plus the read timeout, and at most
 * {@link #MAX_ANSWER_BYTES} of the answer are read: a LAS that stalls or talks without end cannot hold a sender.
 */
public final class LasClient {

    private final X509ExtendedKeyManager clientKey;
    private final Supplier<CertificateChainValidator> trust;
    /** The most of an answer that is read: its status and the start of its melding are all that is kept. */
    static final int MAX_ANSWER_BYTES = 8 * 1024;
    static final int MAX_MELDING = 300;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Cache<Oin, HttpClient> clients = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** The LAS's answer: status and its {@code melding} as text (at most a few hundred characters). */
    public record Answer(int status, String melding) {
    }

    public LasClient(X509ExtendedKeyManager clientKey, Supplier<CertificateChainValidator> trust,
                     Duration connectTimeout, Duration readTimeout) {
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /**
     * {@code POST {base}/leerlingresultaat?edu-to=<routingId>&edu-from=<schoolOin>}.
     *
     * @throws IOException no complete answer: connection refused, TLS refused (wrong LAS), timeout
     */
    public Answer post(LasEndpoint endpoint, Oin lasOin, String routingId, String schoolOin, byte[] body)
            throws IOException, InterruptedException {
        String base = endpoint.baseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/leerlingresultaat?edu-to=" + encode(routingId) + "&edu-from="
                + encode(schoolOin));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        AnswerPrefix answer = new AnswerPrefix(MAX_ANSWER_BYTES);
        CompletableFuture<HttpResponse<byte[]>> exchange = clients.get(lasOin, this::client)
                .sendAsync(request, info -> answer);
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no complete answer within " + connectTimeout.plus(readTimeout).toSeconds()
                    + "s (push.connect-timeout + push.read-timeout)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.toString(), cause);
        } finally {
            if (!exchange.isDone() || exchange.isCompletedExceptionally()) {
                // Timed out, interrupted or failed: end the exchange, so the connection is closed and not reused.
                answer.abort();
                exchange.cancel(true);
            }
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return new Answer(response.statusCode(), text.length() > MAX_MELDING ? text.substring(0, MAX_MELDING) : text);
    }

    private HttpClient client(Oin lasOin) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(new X509ExtendedKeyManager[] {clientKey},
                    new TrustManager[] {new LasServerTrustManager(trust, lasOin)}, null);
            return HttpClient.newBuilder()
                    .sslContext(tls)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS towards LAS " + lasOin.value(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
