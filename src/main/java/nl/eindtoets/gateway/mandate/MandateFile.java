package nl.eindtoets.gateway.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.eindtoets.gateway.request.Oin;

/**
 * Reads a mandates file (documented in docs/mandate.md), shared by the embedded register and the OSR simulator:
 *
 * <pre>
 * {"mandates": [
 *   {"supplier_oin": "00000099000000001000", "school_oin": "0000000700099AA00000",
 *    "service_version_namespace": "urn:dev:osr:logistiek-proces-eindtoets-po",
 *    "start_date": "2025-08-01", "end_date": null, "note": "free text"}
 * ],
 *  "endpoints": [
 *   {"routing_id": "RK0000000000000099AA", "school_oin": "0000000700099AA00000",
 *    "service_version_namespace": "urn:dev:osr:logistiek-proces-doorstroomtoets-po",
 *    "url": "https://localhost:8445", "start_date": "2025-08-01", "end_date": null, "note": "free text"}
 * ]}
 * </pre>
 *
 * {@code endpoints} is optional and only served by osr-sim (the OSR endpoint API). Unknown fields are refused so
 * that a misspelt {@code end_date} cannot silently turn into an open-ended mandate or endpoint.
 */
public final class MandateFile {

    /** The development mandates (certs-dev/README.md), used when no file is configured. */
    public static final String DEV_RESOURCE = "/mandates-dev.json";

    private static final Set<String> FIELDS =
            Set.of("supplier_oin", "school_oin", "service_version_namespace", "start_date", "end_date", "note");
    private static final Set<String> ENDPOINT_FIELDS = Set.of("routing_id", "school_oin",
            "service_version_namespace", "url", "start_date", "end_date", "note");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MandateFile() {
    }

    /** Everything a mandates file holds: the mandates, and the endpoints (empty when the file lists none). */
    public record Contents(List<Mandate> mandates, List<OsrEndpoint> endpoints) {
        public Contents {
            mandates = List.copyOf(mandates);
            endpoints = List.copyOf(endpoints);
        }
    }

    /** The mandates in {@code file}, or the built-in development mandates when {@code file} is null. */
    public static List<Mandate> read(Path file) {
        return readContents(file).mandates();
    }

    public static List<Mandate> readDevelopmentMandates() {
        return readDevelopmentContents().mandates();
    }

    /** The mandates and endpoints in {@code file}, or the built-in development ones when {@code file} is null. */
    public static Contents readContents(Path file) {
        if (file == null) {
            return readDevelopmentContents();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mandates file " + file, e);
        }
    }

    public static Contents readDevelopmentContents() {
        try (InputStream in = MandateFile.class.getResourceAsStream(DEV_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEV_RESOURCE + " is missing from the class path");
            }
            return parse(in, "classpath:" + DEV_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEV_RESOURCE, e);
        }
    }

    static Contents parse(InputStream in, String origin) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode list = root == null ? null : root.get("mandates");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(origin + ": expected an object with a \"mandates\" array");
        }
        JsonNode endpoints = root.get("endpoints");
        if (endpoints != null && !endpoints.isNull() && !endpoints.isArray()) {
            throw new IllegalArgumentException(origin + ": \"endpoints\" must be an array");
        }
        return new Contents(entries(list, origin + ": mandates", MandateFile::mandate),
                endpoints == null || endpoints.isNull() ? List.of()
                        : entries(endpoints, origin + ": endpoints", MandateFile::endpoint));
    }

    private static <T> List<T> entries(JsonNode list, String where, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(read.apply(list.get(i)));
            } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Mandate mandate(JsonNode node) {
        knownFieldsOnly(node, FIELDS);
        String end = text(node, "end_date", false);
        return new Mandate(
                new Oin(text(node, "supplier_oin", true)),
                new Oin(text(node, "school_oin", true)),
                text(node, "service_version_namespace", true),
                LocalDate.parse(text(node, "start_date", true)),
                end == null ? null : LocalDate.parse(end));
    }

    private static OsrEndpoint endpoint(JsonNode node) {
        knownFieldsOnly(node, ENDPOINT_FIELDS);
        String end = text(node, "end_date", false);
        return new OsrEndpoint(
                text(node, "routing_id", true),
                new Oin(text(node, "school_oin", true)),
                text(node, "service_version_namespace", true),
                URI.create(text(node, "url", true)),
                LocalDate.parse(text(node, "start_date", true)),
                end == null ? null : LocalDate.parse(end));
    }

    private static void knownFieldsOnly(JsonNode node, Set<String> fields) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        });
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing " + field);
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return value.asText();
    }
}
