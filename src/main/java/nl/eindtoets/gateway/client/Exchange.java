package nl.eindtoets.gateway.client;

/** One request as sent and the raw HTTP answer to it, before the answer is verified. */
public record Exchange(Operation operation, SignedRequest request, HttpResult http) {
}
