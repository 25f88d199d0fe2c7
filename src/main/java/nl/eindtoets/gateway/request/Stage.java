package nl.eindtoets.gateway.request;

/**
 * One step of the request chain: reads what earlier stages established on the {@link GatewayRequest}, adds its own
 * finding, or refuses by throwing {@link GatewayFault}. Stages know nothing of the transport that carried the request.
 */
@FunctionalInterface
public interface Stage {

    void apply(GatewayRequest request);
}
