package nl.eindtoets.gateway.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.security.CertificateChainValidator;

/**
 * Posts one Leerlingresultaat to a LAS over mutual TLS: the gateway's key as client certificate, the LAS identified
 * by chain, revocation and OIN ({@link LasServerTrustManager}). One HTTP client per expected LAS OIN, because a
 * client's pooled connections were judged for one OIN and must not carry another LAS's messages.
 */
public final class LasClient {

    private final X509ExtendedKeyManager clientKey;
    private final Supplier<CertificateChainValidator> trust;
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
     * @throws IOException no answer: connection refused, TLS refused (wrong LAS), timeout
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
        HttpResponse<String> response = clients.get(lasOin, this::client)
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String text = response.body() == null ? "" : response.body();
        return new Answer(response.statusCode(), text.length() > 300 ? text.substring(0, 300) : text);
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
