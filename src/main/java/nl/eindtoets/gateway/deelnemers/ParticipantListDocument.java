package nl.eindtoets.gateway.deelnemers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A delivery's groups and pupils as one JSON document (table {@code participant_list}). A delivery never changes
 * once stored and is always read whole, so it is written as one value rather than one row per pupil: a row per
 * pupil cost two B-tree writes each, the larger part of storing a list.
 *
 * <pre>{"groepen":[{"key":"8a","naam":"Groep 8a","jaargroep":"8"}],
 *  "leerlingen":[{"key":"…","eckid":"…","achternaam":"…","roepnaam":"…","geboortedatum":"2014-05-01",
 *                 "geslacht":2,"jaargroep":"8","groepKey":"8a"}]}</pre>
 *
 * Absent optional fields are left out; unknown fields are refused on reading.
 */
public final class ParticipantListDocument {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The groups and pupils of one delivery, in delivery order. */
    public record Contents(List<Groep> groepen, List<Leerling> leerlingen) {
        public Contents {
            groepen = groepen == null ? List.of() : List.copyOf(groepen);
            leerlingen = leerlingen == null ? List.of() : List.copyOf(leerlingen);
        }
    }

    private ParticipantListDocument() {
    }

    /** Written field by field with the streaming generator: this runs on the request path for every delivery. */
    public static String write(List<Groep> groepen, List<Leerling> leerlingen) {
        StringWriter out = new StringWriter(64 + 160 * leerlingen.size());
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("groepen");
            for (Groep g : groepen) {
                json.writeStartObject();
                field(json, "key", g.key());
                field(json, "naam", g.naam());
                field(json, "jaargroep", g.jaargroep());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("leerlingen");
            for (Leerling l : leerlingen) {
                json.writeStartObject();
                field(json, "key", l.key());
                field(json, "eckid", l.eckid());
                field(json, "achternaam", l.achternaam());
                field(json, "voorvoegsel", l.voorvoegsel());
                field(json, "voorletters", l.voorletters());
                field(json, "roepnaam", l.roepnaam());
                field(json, "geboortedatum", l.geboortedatum() == null ? null : l.geboortedatum().toString());
                if (l.geslacht() != null) {
                    json.writeNumberField("geslacht", l.geslacht());
                }
                field(json, "jaargroep", l.jaargroep());
                field(json, "groepKey", l.groepKey());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a participant list document", e);
        }
        return out.toString();
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    public static Contents read(String document) {
        try {
            return JSON.readValue(document, Contents.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored participant list document is unreadable", e);
        }
    }
}
