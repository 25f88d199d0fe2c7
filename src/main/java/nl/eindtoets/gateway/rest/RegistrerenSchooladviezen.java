package nl.eindtoets.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import nl.eindtoets.gateway.deelnemers.SchooladviezenJson;
import nl.eindtoets.gateway.deelnemers.SchooladviezenService;
import nl.eindtoets.gateway.request.RequestIdentity;
import nl.eindtoets.gateway.validation.JsonBodySchema;

/** {@code POST /registreren-schooladviezen}: the provisional school advice of pupils on the school's list. */
final class RegistrerenSchooladviezen implements RestOperation {

    private final JsonBodySchema schema;
    private final SchooladviezenService schooladviezen;

    RegistrerenSchooladviezen(JsonBodySchema schema, SchooladviezenService schooladviezen) {
        this.schema = schema;
        this.schooladviezen = schooladviezen;
    }

    @Override
    public String name() {
        return "registreren-schooladviezen";
    }

    @Override
    public JsonBodySchema schema() {
        return schema;
    }

    @Override
    public String apply(Connection c, RequestIdentity identity, String bodyDigest, JsonNode body, String eduFrom)
            throws SQLException {
        int stored = schooladviezen.register(c, identity, SchooladviezenJson.read(body), eduFrom);
        return "Schooladviezen ontvangen en verwerkt: " + stored + " leerlingen.";
    }
}
