package nl.eindtoets.gateway.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Status, headers and body of one HTTP exchange with the gateway. */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

    public HttpResult {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** First value of a header, case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }
}
