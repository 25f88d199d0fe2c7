package nl.eindtoets.gateway.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the OSR whether a mandate holds ({@code GET /api/v2/mandates}) over mutual TLS: 200 means a mandate, 404
 * means none, and anything else (other status, TLS failure, timeout) means the OSR could not answer. The
 * {@link OsrConnection} decides which key we present and which roots the OSR's certificate must chain to.
 */
public final class OsrMandateClient implements MandateRegister {

    static final String MANDATES_PATH = "/api/v2/mandates";

    private static final Logger LOG = LoggerFactory.getLogger(OsrMandateClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OsrConnection osr;

    public OsrMandateClient(URI baseUrl, SSLContext tls, Duration connectTimeout, Duration readTimeout) {
        this(new OsrConnection(baseUrl, tls, connectTimeout, readTimeout));
    }

    public OsrMandateClient(OsrConnection osr) {
        this.osr = Objects.requireNonNull(osr, "osr");
    }

    @Override
    public MandateAnswer lookup(MandateQuery query) {
        HttpResponse<byte[]> response;
        try {
            response = osr.get(MANDATES_PATH, params(query));
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

    /** The query parameters in the order of the OSR documentation. */
    static Map<String, String> params(MandateQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("supplier_oin", query.supplierOin().value());
        params.put("school_oin", query.schoolOin().value());
        params.put("service_version_namespace", query.serviceNamespace());
        params.put("reference_date", query.referenceDate().toString());
        return params;
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
}
