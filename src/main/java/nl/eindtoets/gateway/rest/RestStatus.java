package nl.eindtoets.gateway.rest;

import nl.eindtoets.gateway.request.Refusal;

/**
 * The HTTP status of a refusal on the REST front door, by the status codes of the chain's OAS (DOMAIN §2.1.1): who
 * may not send for the school 401, registration closed 403, school unknown to the supplier 405, content invalid 422,
 * unavailable 503. Refusals of the message itself (method, size, not JSON) keep their own status.
 */
final class RestStatus {

    private RestStatus() {
    }

    static int of(Refusal refusal) {
        if (refusal instanceof Refusal.Contract c) {
            return switch (c.code()) {
                case AUTORISATIE_ONGELDIG -> 401;
                case INSCHRIJVING_GESLOTEN -> 403;
                case SCHOOL_ONBEKEND -> 405;
                case ONGELDIG_BERICHT, XSD_VERSIE_ONGELDIG -> 422;
                case TIJDELIJK_NIET_BESCHIKBAAR -> 503;
                case INTERNE_FOUT -> 500;
            };
        }
        if (refusal instanceof Refusal.Unreadable u) {
            return u.httpStatus();
        }
        return 500;
    }
}
