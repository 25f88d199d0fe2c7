package nl.eindtoets.gateway.deelnemers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The groups and pupils of one delivery, in delivery order. */
    public record Contents(List<Groep> groepen, List<Leerling> leerlingen) {
        public Contents {
            groepen = groepen == null ? List.of() : List.copyOf(groepen);
            leerlingen = leerlingen == null ? List.of() : List.copyOf(leerlingen);
        }
    }

    private ParticipantListDocument() {
    }

    public static String write(List<Groep> groepen, List<Leerling> leerlingen) {
        try {
            return JSON.writeValueAsString(new Contents(groepen, leerlingen));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a participant list document", e);
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
