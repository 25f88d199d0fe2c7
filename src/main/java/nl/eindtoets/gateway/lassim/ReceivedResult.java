package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import nl.eindtoets.gateway.request.Oin;

/**
 * One Leerlingresultaat the simulated LAS accepted (answered 202).
 *
 * @param supplierOin the OIN of the client certificate that delivered it
 * @param eduTo       the routeringskenmerk it was addressed to
 * @param eduFrom     the school OIN it was sent for
 * @param body        the body as received
 */
public record ReceivedResult(Instant receivedAt, Oin supplierOin, String eduTo, String eduFrom, JsonNode body) {
}
