package nl.eindtoets.gateway.push;

import java.net.URI;
import java.util.Objects;

/**
 * Where a LAS administration takes its results: the base URL to which {@code /leerlingresultaat} is appended, known
 * by the routeringskenmerk the LAS sent as {@code edu-from} with its participant list.
 *
 * @param routingId the routeringskenmerk (20 digits or letters)
 * @param baseUrl   an https URL, e.g. {@code https://las.example/eindtoets}, as {@link LasBaseUrl} allows
 * @param source    where the endpoint was found: {@code backoffice} (configured) or {@code osr}
 */
public record LasEndpoint(String routingId, URI baseUrl, String source) {

    public LasEndpoint {
        Objects.requireNonNull(routingId, "routingId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(source, "source");
        LasBaseUrl.check(baseUrl);
    }
}
