package nl.eindtoets.gateway.leerresultaten;

import nl.eindtoets.gateway.contract.LeerresultatenAntwoord;
import nl.eindtoets.gateway.contract.LeerresultatenVerzoek;
import nl.eindtoets.gateway.request.RequestIdentity;

/** The handler of {@code HaalLeerresultaten}: runs once every stage of the chain has passed. */
@FunctionalInterface
public interface LeerresultatenHandler {

    LeerresultatenAntwoord handle(RequestIdentity identity, LeerresultatenVerzoek request);
}
