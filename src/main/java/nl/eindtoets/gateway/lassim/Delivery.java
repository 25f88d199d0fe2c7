package nl.eindtoets.gateway.lassim;

import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.request.Oin;

/**
 * One delivery as it reached the simulated LAS, before any judgement.
 *
 * @param clientOin   the OIN of the client certificate, empty when it has none
 * @param query       the query parameters (first value of each)
 * @param contentType the {@code Content-Type} header, null when absent
 * @param body        the body, null when it was larger than {@link LasSimulator#MAX_BODY_BYTES}
 */
record Delivery(String method, Optional<Oin> clientOin, Map<String, String> query, String contentType, byte[] body) {
}
