package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Leerlingresultaat bodies for tests: the valid sample of 99AA (invented pupil) and variations of it. */
final class Leerlingresultaten {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The routeringskenmerk of LAS vendor A's administration of 99AA in the samples (20 characters). */
    static final String ROUTERINGSKENMERK = "LASA00000000000099AA";
    static final String SCHOOL_99AA = "0000000700099AA00000";
    static final String SCHOOL_99AB = "0000000700099AB00000";
    /** The supplier (gateway.p12). */
    static final String SUPPLIER_OIN = "00000099000000002000";

    private Leerlingresultaten() {
    }

    static ObjectNode valid() {
        try (InputStream in = Leerlingresultaten.class.getResourceAsStream("/samples/leerlingresultaat-99AA.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
