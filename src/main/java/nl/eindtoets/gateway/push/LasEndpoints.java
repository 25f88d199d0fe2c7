package nl.eindtoets.gateway.push;

import java.util.Optional;
import nl.eindtoets.gateway.request.Oin;

/**
 * Finds the LAS endpoint of a routeringskenmerk: configured through the back office, or looked up in the OSR
 * endpoint API when {@code mandate.register=osr}.
 */
public interface LasEndpoints {

    /**
     * @param routingId the routeringskenmerk the LAS sent as {@code edu-from}
     * @param schoolOin the school on whose behalf the result is sent
     * @return empty when no endpoint is known for it (the message waits and is retried later)
     * @throws LasEndpointsUnavailableException when the source could not answer (the message is retried later)
     */
    Optional<LasEndpoint> find(String routingId, Oin schoolOin);
}
