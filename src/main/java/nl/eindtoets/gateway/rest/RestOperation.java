package nl.eindtoets.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.validation.JsonBodySchema;

/**
 * What one POST of the REST front door does once {@link RestPostChain} has identified the caller, checked its
 * mandate and found the body valid under {@link #schema()}: the business step, in the service that owns it.
 */
interface RestOperation {

    /** The path below the base path and the operation's name in the audit trail, e.g. {@code registreren}. */
    String name();

    /** The component schema of the OpenAPI document the body must match. */
    JsonBodySchema schema();

    /**
     * @param connection the request's one transaction, committed with the audit record before the answer is sent
     * @param bodyDigest hex SHA-256 of the body as received
     * @param eduFrom    the routeringskenmerk the LAS sends on behalf of
     * @return the melding of the 202 answer, which holds once committed
     * @throws nl.eindtoets.gateway.request.GatewayFault for a refusal of the store or the profile
     */
    String apply(Connection connection, RequestIdentity identity, String bodyDigest, JsonNode body, String eduFrom)
            throws SQLException;
}
