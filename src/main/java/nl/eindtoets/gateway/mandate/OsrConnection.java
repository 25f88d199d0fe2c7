package nl.eindtoets.gateway.mandate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;

/**
 * The gateway's connection to the OSR API, shared by the mandate query and the endpoint lookup: https only, our own
 * key as TLS client certificate, the OSR's certificate checked against the configured roots and host name (by the
 * JDK client), no redirects, and a time limit on every answer.
 */
public final class OsrConnection {

    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    public OsrConnection(URI baseUrl, SSLContext tls, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"https".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the OSR base URL must be https: " + baseUrl);
        }
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.http = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The OSR connection of {@code osr.*}, with the gateway's key and trust store (MandateSettings). */
    public static OsrConnection fromSettings(MandateSettings s) {
        return new OsrConnection(s.osrBaseUrl(),
                MutualTlsContext.context(s.keystore(), s.keystorePassword(), s.keyAlias(),
                        s.truststore(), s.truststorePassword()),
                s.osrConnectTimeout(), s.osrReadTimeout());
    }

    /** {@code GET {base}{path}?{params}} asking for JSON; the parameters are sent in the order given. */
    public HttpResponse<byte[]> get(String path, Map<String, String> params) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path, params))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    URI uri(String path, Map<String, String> params) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        new LinkedHashMap<>(params).forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return URI.create(base + path + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
