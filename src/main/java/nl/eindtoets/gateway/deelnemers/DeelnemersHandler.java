package nl.eindtoets.gateway.deelnemers;

import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.request.RequestIdentity;

/** The handler of {@code BrengDeelnemers}: runs once every stage of the chain has passed. */
@FunctionalInterface
public interface DeelnemersHandler {

    /**
     * @param bodyDigest SHA-256 of the payload's canonical form, which recognises a resent delivery
     */
    DeelnemersOntvangst handle(RequestIdentity identity, String bodyDigest, DeelnemersAanlevering request);
}
