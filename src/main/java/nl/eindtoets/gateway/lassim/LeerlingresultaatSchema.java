package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Leerlingresultaat} schema of the LAS side's OpenAPI document ({@value #DOCUMENT}), applied with the
 * OpenAPI 3.0 dialect of the networknt validator. Thread-safe: the schema is loaded once and only read after.
 */
public final class LeerlingresultaatSchema {

    /** The OpenAPI document on the class path. */
    public static final String DOCUMENT = "rest/las-leerlingresultaat-openapi.yaml";

    private final Schema schema;

    public LeerlingresultaatSchema() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        // The document's top level is OpenAPI, not schema: its members are known so that loading it warns of nothing.
        Dialect openApi30 = Dialect.builder(Dialects.getOpenApi30())
                .keyword(new NonValidationKeyword("openapi"))
                .keyword(new NonValidationKeyword("info"))
                .keyword(new NonValidationKeyword("paths"))
                .keyword(new NonValidationKeyword("components"))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(openApi30,
                builder -> builder.schemaRegistryConfig(config));
        schema = registry.getSchema(SchemaLocation.of("classpath:" + DOCUMENT + "#/components/schemas/Leerlingresultaat"));
        schema.initializeValidators();
    }

    /** The first problem of {@code body}, or empty when it is a valid Leerlingresultaat. */
    public Optional<Violation> firstViolation(JsonNode body) {
        List<Error> errors = schema.validate(body);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Error first = errors.get(0);
        String path = first.getInstanceLocation().toString();
        if ("required".equals(first.getKeyword()) && first.getProperty() != null) {
            // Point at the missing member itself, not at the object that lacks it.
            path = (path.equals("/") || path.isEmpty() ? "" : path) + "/" + first.getProperty();
        }
        return Optional.of(new Violation(path.isEmpty() ? "/" : path, first.getKeyword(), first.getMessage()));
    }

    /**
     * @param path    JSON Pointer to the offending member, e.g. {@code /resultatenscores/deelnemerref/0/label}
     * @param keyword the schema keyword that failed, e.g. {@code required}, {@code enum}
     * @param message the validator's description
     */
    public record Violation(String path, String keyword, String message) {
    }
}
