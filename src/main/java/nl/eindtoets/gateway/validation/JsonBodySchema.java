package nl.eindtoets.gateway.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi30;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;

/**
 * A request body against one component schema of an OpenAPI 3.0 document, with the OpenAPI 3.0 dialect of the
 * json-schema-validator library: the document is the contract, so the gateway checks exactly what it publishes. The
 * first error is refused as {@code Client.OngeldigBericht} naming its JSON Pointer and what kind of rule failed,
 * never the value found there: values are pupil data.
 */
public final class JsonBodySchema {

    /** The REST front door's document, also served by it. */
    public static final String DOORSTROOMTOETS_OPENAPI = "rest/doorstroomtoets-openapi.yaml";

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("required", "verplicht gegeven ontbreekt"),
            Map.entry("additionalProperties", "dit gegeven is niet toegestaan"),
            Map.entry("type", "heeft niet het juiste type"),
            Map.entry("enum", "is geen van de toegestane waarden"),
            Map.entry("pattern", "heeft niet de voorgeschreven vorm"),
            Map.entry("format", "heeft niet de voorgeschreven vorm"),
            Map.entry("minLength", "is te kort"),
            Map.entry("maxLength", "is te lang"),
            Map.entry("minItems", "bevat te weinig elementen"),
            Map.entry("maxItems", "bevat te veel elementen"),
            Map.entry("oneOf", "is geen ECK-iD en geen LAS-key van de voorgeschreven vorm"));

    private final Schema schema;

    private JsonBodySchema(Schema schema) {
        this.schema = schema;
    }

    /** The schema {@code #/components/schemas/<component>} of the document at {@code resource} on the class path. */
    public static JsonBodySchema component(String resource, String component) {
        String document = readYaml(resource).toString();
        // The whole document under one IRI, so that its "#/components/..." references resolve within it.
        String base = "https://eindtoets-gateway.invalid/" + resource.replace('/', '-') + ".json";
        SchemaRegistry registry = SchemaRegistry.withDialect(OpenApi30.getInstance(),
                builder -> builder.schemas(Map.of(base, document)));
        Schema schema = registry.getSchema(SchemaLocation.of(base + "#/components/schemas/" + component));
        schema.initializeValidators();
        return new JsonBodySchema(schema);
    }

    /** @throws GatewayFault {@code OngeldigBericht} with the path of the first error */
    public void check(JsonNode body) {
        Objects.requireNonNull(body, "body");
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            throw new GatewayFault(FaultCode.ONGELDIG_BERICHT, "Ongeldige inhoud in " + pointer(first) + ": "
                    + RULES.getOrDefault(first.getKeyword(), "voldoet niet aan het schema") + ".");
        }
    }

    /** The JSON Pointer of the error; for a missing or unexpected member, the member itself. */
    static String pointer(Error error) {
        StringBuilder out = new StringBuilder();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            out.append('/').append(escape(String.valueOf(at.getElement(i))));
        }
        if (error.getProperty() != null
                && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
            out.append('/').append(escape(error.getProperty()));
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode readYaml(String resource) {
        try (InputStream in = JsonBodySchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document not on the class path: " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + resource, e);
        }
    }
}
