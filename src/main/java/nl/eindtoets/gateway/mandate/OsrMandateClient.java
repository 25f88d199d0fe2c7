package nl.eindtoets.gateway.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the OSR whether a mandate holds ({@code GET /api/v2/mandates}) over mutual TLS: 200 means a mandate, 404
 * means none, and anything else (other status, TLS failure, timeout) means the OSR could not answer. The TLS
 * context decides which key we present and which roots the OSR's certificate must chain to; the JDK client verifies
 * the host name against the certificate.
 */
public final class OsrMandateClient implements MandateRegister {

    static final String MANDATES_PATH = "/api/v2/mandates";

    private static final Logger LOG = LoggerFactory.getLogger(OsrMandateClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    public OsrMandateClient(URI baseUrl, SSLContext tls, Duration connectTimeout, Duration readTimeout) {
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

    @Override
    public MandateAnswer lookup(MandateQuery query) {
        URI uri = uriFor(query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MandateRegisterUnavailableException("OSR not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MandateRegisterUnavailableException("interrupted while asking the OSR", e);
        }
        return switch (response.statusCode()) {
            case 200 -> MandateAnswer.granted(endDate(response.body()), Source.OSR);
            case 404 -> MandateAnswer.denied(Source.OSR);
            default -> throw new MandateRegisterUnavailableException(
                    "OSR answered HTTP " + response.statusCode() + " to a mandate query");
        };
    }

    @Override
    public Source source() {
        return Source.OSR;
    }

    URI uriFor(MandateQuery query) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + MANDATES_PATH
                + "?supplier_oin=" + encode(query.supplierOin().value())
                + "&school_oin=" + encode(query.schoolOin().value())
                + "&service_version_namespace=" + encode(query.serviceNamespace())
                + "&reference_date=" + encode(query.referenceDate().toString()));
    }

    /**
     * The mandate's end date from a 200 body, when it carries one. A third party may get an empty OK; then the
     * answer is still a grant, cached for the configured time only.
     */
    static LocalDate endDate(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode end = JSON.readTree(body).get("end_date");
            return end == null || end.isNull() || end.asText().isBlank() ? null : LocalDate.parse(end.asText());
        } catch (IOException | RuntimeException e) {
            LOG.warn("OSR mandate answer has no readable end_date; treating it as open-ended ({})", e.toString());
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
