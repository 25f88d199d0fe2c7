package nl.eindtoets.gateway.addressing;

/**
 * What a request to one endpoint must say in its WS-Addressing headers.
 *
 * @param path          the endpoint's path, e.g. {@code /eindtoets/deelnemers}
 * @param requestAction the only {@code wsa:Action} accepted there
 * @param gatewayOin    the OIN a {@code wsa:To ?oin=} must carry when present
 */
public record EndpointAddress(String path, String requestAction, String gatewayOin) {
}
