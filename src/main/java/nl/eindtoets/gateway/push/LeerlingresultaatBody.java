package nl.eindtoets.gateway.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One pupil's {@code Leerlingresultaat} (Eindtoetsketen_v3, profiel Leerlingeindtoetsresultaat) as the LAS receives
 * it, schema {@code rest/las-leerlingresultaat-openapi.yaml}. The report link ({@code resultaten.aanvullendeinfo})
 * is added when the message is sent, from the gateway's public URL at that moment.
 *
 * @param id          the message's own id (resultatenscores.id); also the prefix of the nested ids
 * @param eckid       the pupil's ECK-iD, null when the list gave none
 * @param lasKey      the pupil's LAS-key
 * @param afnamedatum the day the test was taken (the school's calendar)
 * @param scores      the whole-test score (toetseenheid null) first, then one per test part
 * @param resultaten  the advice on the whole test first, then the reference level per test part, as imported
 */
public record LeerlingresultaatBody(String id, Instant datumtijd, String schooljaar, String eckid, String lasKey,
                                    Toets toets, LocalDate afnamedatum, List<Score> scores,
                                    List<Resultaat> resultaten) {

    /** What the LAS sees as the sender application. */
    public static final String AUTEUR = "eindtoets-gateway";
    public static final String VERSIE = "Eindtoetsketen_v3";
    public static final String PROFIEL = "Leerlingeindtoetsresultaat";
    /** Dates are the school's calendar dates. */
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A test from the supplier's catalogue, with its parts (label Onderdeel). */
    public record Toets(String id, String naam, String versie, List<Onderdeel> onderdelen) {
    }

    public record Onderdeel(String id, String omschrijving) {
    }

    /** @param toetseenheid the test part; null for the score on the whole test (Eindtoetsscore) */
    public record Score(String toetseenheid, int waarde) {
    }

    /** @param label Referentieniveau, Toetsadvies or Percentielscore */
    public record Resultaat(String label, String toetseenheid, String waarde) {
    }

    public LeerlingresultaatBody {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lasKey, "lasKey");
        Objects.requireNonNull(toets, "toets");
        Objects.requireNonNull(afnamedatum, "afnamedatum");
        scores = List.copyOf(scores);
        resultaten = List.copyOf(resultaten);
    }

    /** The body as stored in the outbox: complete except for the report link. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("datumtijd", time(datumtijd));
        root.put("auteur", AUTEUR);
        root.put("versie", VERSIE);
        root.put("profiel", PROFIEL);
        root.put("schooljaar", schooljaar);
        ObjectNode rs = root.putObject("resultatenscores");
        rs.put("id", id);
        ArrayNode refs = rs.putArray("deelnemerref");
        if (eckid != null) {
            refs.addObject().put("label", "ECK-iD").put("onderwijsdeelnemerID", eckid);
        }
        refs.addObject().put("label", "LAS-key").put("onderwijsdeelnemerID", lasKey);
        rs.put("versie", "Definitief");
        rs.put("datumtijd", time(datumtijd));
        rs.put("toetsdefinitie", toets.id());
        rs.putObject("afnamecontext").putObject("afname")
                .put("id", id + "-afname")
                // Only the date is known: midnight at the school, as the chain prescribes.
                .put("afnametijdstip", DateTimeFormatter.ISO_OFFSET_DATE_TIME
                        .format(afnamedatum.atStartOfDay(SCHOOL_ZONE).toOffsetDateTime()));
        ObjectNode scoreList = rs.putObject("scores");
        scoreList.put("id", id + "-scores");
        ArrayNode items = scoreList.putArray("scores");
        int n = 0;
        for (Score s : scores) {
            ObjectNode item = items.addObject();
            item.put("label", s.toetseenheid() == null ? "Eindtoetsscore" : "Detailscore");
            item.put("id", id + "-s" + (++n));
            if (s.toetseenheid() != null) {
                item.put("toetseenheid", s.toetseenheid());
            }
            item.put("waarde", Integer.toString(s.waarde()));
        }
        ArrayNode results = rs.putObject("resultaten").putArray("resultaten");
        for (Resultaat r : resultaten) {
            ObjectNode item = results.addObject().put("label", r.label());
            if (r.toetseenheid() != null) {
                item.put("toetseenheid", r.toetseenheid());
            }
            item.put("waarde", r.waarde());
        }
        ObjectNode t = root.putObject("toets");
        t.put("label", "Eindtoets");
        t.put("id", toets.id());
        t.put("naam", toets.naam());
        t.put("versie", toets.versie());
        if (!toets.onderdelen().isEmpty()) {
            ArrayNode parts = t.putArray("toetsonderdelen");
            for (Onderdeel o : toets.onderdelen()) {
                ObjectNode part = parts.addObject().put("label", "Onderdeel").put("id", o.id());
                if (o.omschrijving() != null) {
                    part.put("omschrijving", o.omschrijving());
                }
            }
        }
        return root.toString();
    }

    /** The stored body as sent: with {@code resultaten.aanvullendeinfo} when the pupil has a report link. */
    public static byte[] withReportLink(String stored, String reportUrl) {
        if (reportUrl == null) {
            return stored.getBytes(StandardCharsets.UTF_8);
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(stored);
            ObjectNode rs = (ObjectNode) root.get("resultatenscores");
            ObjectNode linked = JSON.createObjectNode().put("aanvullendeinfo", reportUrl);
            linked.setAll((ObjectNode) rs.get("resultaten"));
            rs.set("resultaten", linked);
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("an outbox body is not the JSON it was stored as", e);
        }
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
