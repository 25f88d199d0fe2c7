package nl.eindtoets.gateway.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.eindtoets.gateway.mandate.MandateCheck;
import nl.eindtoets.gateway.mandate.OsrConnection;
import nl.eindtoets.gateway.mandate.OsrEndpoint;
import nl.eindtoets.gateway.request.Oin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks a LAS endpoint up in the OSR endpoint API by routeringskenmerk:
 * {@code GET {osr}/api/v2/endpoints?service_version_namespace=&routing_id=&reference_date=<today>} over the same
 * mutual TLS connection as the mandate query.
 *
 * <p>The answer (documented in docs/mandate.md): 200 with one endpoint object ({@code routing_id}, {@code school_oin},
 * {@code service_version_namespace}, {@code url}, {@code start_date}, {@code end_date}, HAL {@code _links}); a list of
 * such objects, bare or as {@code _embedded.endpoints}, is read too. 404, an empty body or an empty list mean none.
 * An endpoint is used only when it belongs to the school asked for, holds today and its url is an acceptable https
 * base URL; otherwise the answer counts as none (logged). Any other status, a TLS failure, a timeout or a body that is
 * not such JSON means the OSR could not answer: {@link LasEndpointsUnavailableException}.
 */
public final class OsrLasEndpoints implements LasEndpoints {

    public static final String SOURCE = "osr";

    private static final Logger LOG = LoggerFactory.getLogger(OsrLasEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OsrConnection osr;
    private final String serviceNamespace;
    private final Clock clock;

    /**
     * @param serviceNamespace the OSR service version under which the LAS registered its endpoint (the REST
     *                         service's {@code rest.mandate.service-namespace})
     */
    public OsrLasEndpoints(OsrConnection osr, String serviceNamespace, Clock clock) {
        this.osr = Objects.requireNonNull(osr, "osr");
        this.serviceNamespace = Objects.requireNonNull(serviceNamespace, "serviceNamespace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<LasEndpoint> find(String routingId, Oin schoolOin) {
        Objects.requireNonNull(schoolOin, "schoolOin");
        if (!ConfiguredLasEndpoints.isRoutingId(routingId)) {
            return Optional.empty(); // the OSR would refuse it (400); there is nothing to look up
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), MandateCheck.ZONE);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("service_version_namespace", serviceNamespace);
        params.put("routing_id", routingId);
        params.put("reference_date", today.toString());
        HttpResponse<byte[]> response;
        try {
            response = osr.get(OsrEndpoint.LOOKUP_PATH, params);
        } catch (IOException e) {
            throw new LasEndpointsUnavailableException("OSR not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LasEndpointsUnavailableException("interrupted while asking the OSR", e);
        }
        Optional<LasEndpoint> found = switch (response.statusCode()) {
            case 200 -> usable(candidates(response.body()), routingId, schoolOin, today);
            case 404 -> Optional.empty();
            default -> throw new LasEndpointsUnavailableException(
                    "OSR answered HTTP " + response.statusCode() + " to an endpoint query");
        };
        LOG.debug("OSR endpoint for routeringskenmerk {} school {}: {}", routingId, schoolOin,
                found.map(e -> e.baseUrl().toString()).orElse("none"));
        return found;
    }

    /** The endpoint objects of a 200 body; unavailable when the body is not JSON of the documented shape. */
    private static List<JsonNode> candidates(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new LasEndpointsUnavailableException("OSR endpoint answer is not JSON: " + e.getMessage(), e);
        }
        JsonNode list = root;
        if (root != null && root.isObject() && root.has("_embedded")) {
            list = root.path("_embedded").get("endpoints");
        } else if (root != null && root.isObject()) {
            return root.isEmpty() ? List.of() : List.of(root);
        }
        if (list == null || !list.isArray()) {
            throw new LasEndpointsUnavailableException("OSR endpoint answer is neither an endpoint nor a list of them");
        }
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /** The first candidate that may be used for {@code schoolOin} today; a malformed one makes the answer unusable. */
    private Optional<LasEndpoint> usable(List<JsonNode> candidates, String routingId, Oin schoolOin, LocalDate today) {
        for (JsonNode c : candidates) {
            Candidate candidate = Candidate.read(c);
            if ((candidate.routingId() != null && !candidate.routingId().equals(routingId))
                    || (candidate.namespace() != null && !candidate.namespace().equals(serviceNamespace))) {
                continue; // an answer to another question
            }
            if (!schoolOin.value().equals(candidate.schoolOin())) {
                LOG.warn("OSR endpoint of routeringskenmerk {} belongs to school {}, not {}; not used", routingId,
                        candidate.schoolOin(), schoolOin);
                continue;
            }
            if (!candidate.holdsOn(today)) {
                LOG.info("OSR endpoint of routeringskenmerk {} does not hold on {}; not used", routingId, today);
                continue;
            }
            URI url = candidate.url();
            if (url == null || !LasBaseUrl.acceptable(url)) {
                LOG.warn("OSR endpoint of routeringskenmerk {} has no usable https URL ({}); not used", routingId,
                        candidate.rawUrl());
                continue;
            }
            return Optional.of(new LasEndpoint(routingId, url, SOURCE));
        }
        return Optional.empty();
    }

    /** The fields of one endpoint object that decide whether it is used. */
    private record Candidate(String routingId, String namespace, String schoolOin, String rawUrl, URI url,
                             LocalDate start, LocalDate end) {

        static Candidate read(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw new LasEndpointsUnavailableException("OSR endpoint answer holds something not an object");
            }
            String rawUrl = text(node, "url");
            String schoolOin = text(node, "school_oin");
            if (rawUrl == null || schoolOin == null) {
                throw new LasEndpointsUnavailableException("OSR endpoint answer lacks url or school_oin");
            }
            try {
                String start = text(node, "start_date");
                String end = text(node, "end_date");
                return new Candidate(text(node, "routing_id"), text(node, "service_version_namespace"), schoolOin,
                        rawUrl, uri(rawUrl), start == null ? null : LocalDate.parse(start),
                        end == null ? null : LocalDate.parse(end));
            } catch (DateTimeParseException e) {
                throw new LasEndpointsUnavailableException("OSR endpoint answer has an unreadable date", e);
            }
        }

        boolean holdsOn(LocalDate day) {
            return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
        }

        private static URI uri(String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                return null;
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        }
    }
}
