package nl.eindtoets.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.DeelnemerslijstJson;
import nl.eindtoets.gateway.deelnemers.Levering;
import nl.eindtoets.gateway.deelnemers.Ontvangst;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.validation.JsonBodySchema;

/** {@code POST /registreren}: a Deelnemerslijst into the same store as BrengDeelnemers. */
final class Registreren implements RestOperation {

    private final JsonBodySchema schema;
    private final DeelnemersService deelnemers;

    Registreren(JsonBodySchema schema, DeelnemersService deelnemers) {
        this.schema = schema;
        this.deelnemers = deelnemers;
    }

    @Override
    public String name() {
        return "registreren";
    }

    @Override
    public JsonBodySchema schema() {
        return schema;
    }

    @Override
    public String apply(Connection c, RequestIdentity identity, String bodyDigest, JsonNode body, String eduFrom)
            throws SQLException {
        DeelnemerslijstJson.Parsed parsed = DeelnemerslijstJson.read(body);
        Ontvangst ontvangst = deelnemers.register(c, identity, bodyDigest, parsed.lijst(),
                Levering.rest(parsed.soort(), eduFrom));
        return "Deelnemerslijst ontvangen en verwerkt: " + ontvangst.aantalDeelnemers() + " deelnemers, ontvangstid "
                + ontvangst.ontvangstId() + ".";
    }
}
