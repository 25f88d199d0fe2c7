package nl.eindtoets.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
    public String apply(RequestIdentity identity, String bodyDigest, JsonNode body, String eduFrom) {
        int stored = schooladviezen.register(identity, SchooladviezenJson.read(body), eduFrom);
        return "Schooladviezen ontvangen en verwerkt: " + stored + " leerlingen.";
    }
}
