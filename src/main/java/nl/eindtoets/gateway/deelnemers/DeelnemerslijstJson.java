package nl.eindtoets.gateway.deelnemers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.store.Schooljaar;

/**
 * A Deelnemerslijst of the REST front door (Doorstroomtoetsketen v1.0/v1.1, Eindtoetsketen_v3), already valid under
 * the JSON Schema of the OpenAPI document, onto the participant model the SOAP path stores; together with the rules
 * a schema cannot express because they need more than one field: version and profile belong together, each pupil's
 * references carry each label once, identities and group ids are unique, and every pupil's group is in the list.
 * The first violation is refused with {@code Client.OngeldigBericht} naming its JSON Pointer, never its value.
 */
public final class DeelnemerslijstJson {

    public static final String EINDTOETSKETEN_V3 = "Eindtoetsketen_v3";
    private static final String ECKID = "ECK-iD";
    private static final String LAS_KEY = "LAS-key";

    /** The list as the store keeps it, and how it is applied. */
    public record Parsed(Deelnemerslijst lijst, Levering.Soort soort) {
    }

    private DeelnemerslijstJson() {
    }

    /** @param body a body the schema accepted */
    public static Parsed read(JsonNode body) {
        String versie = body.path("versie").asText();
        boolean eindtoets = EINDTOETSKETEN_V3.equals(versie);
        String profiel = body.path("profiel").asText();
        if (!profiel.equals(eindtoets ? "Eindtoetsdeelnemers" : "Toetsdeelnemers")) {
            throw invalid("/profiel", "hoort niet bij de versie " + versie);
        }
        String schooljaar = body.path("schooljaar").asText();
        if (!Schooljaar.isValid(schooljaar)) {
            throw invalid("/schooljaar", "moet twee opeenvolgende jaren noemen");
        }
        JsonNode groep = body.path("deelnemersgroep");
        if (!eindtoets) {
            // The Doorstroomtoetsketen requires all five codes of the school administration.
            for (String code : List.of("onderwijsaanbiedercode", "onderwijslocatiecode")) {
                if (!groep.hasNonNull(code)) {
                    throw new GatewayFault(FaultCode.ONGELDIG_BERICHT,
                            "Verplicht gegeven ontbreekt: /deelnemersgroep/" + code + ".");
                }
            }
        }
        School school = new School(schooljaar, groep.path("instellingscode").asText(),
                groep.path("vestigingscode").asText(), OffsetDateTime.parse(body.path("datumtijd").asText()), versie);
        List<Groep> groepen = groepen(body.path("groepen"));
        Set<String> groepIds = new HashSet<>();
        groepen.forEach(g -> groepIds.add(g.key()));
        List<Leerling> leerlingen = leerlingen(body.path("deelnemers"), groepIds);
        return new Parsed(new Deelnemerslijst(school, groepen, leerlingen),
                eindtoets ? Levering.Soort.STANDLEVERING : Levering.Soort.MUTATIELEVERING);
    }

    private static List<Groep> groepen(JsonNode array) {
        List<Groep> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode g = array.get(i);
            String id = g.path("id").asText();
            if (!ids.add(id)) {
                throw invalid("/groepen/" + i + "/id", "komt al eerder in de lijst voor");
            }
            out.add(new Groep(id, text(g, "omschrijving"), g.path("niveau").path("niveau").asText()));
        }
        return out;
    }

    private static List<Leerling> leerlingen(JsonNode array, Set<String> groepIds) {
        List<Leerling> out = new ArrayList<>(array.size());
        Set<String> eckids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode d = array.get(i);
            String path = "/deelnemers/" + i;
            String eckid = null;
            String key = null;
            JsonNode refs = d.path("deelnemerref");
            for (int r = 0; r < refs.size(); r++) {
                String label = refs.get(r).path("label").asText();
                String id = refs.get(r).path("onderwijsdeelnemerID").asText();
                String at = path + "/deelnemerref/" + r;
                if (ECKID.equals(label)) {
                    if (eckid != null) {
                        throw invalid(at, "noemt een tweede ECK-iD");
                    }
                    if (!eckids.add(id)) {
                        throw invalid(at, "dit ECK-iD komt al eerder in de lijst voor");
                    }
                    eckid = id;
                } else if (LAS_KEY.equals(label)) {
                    if (key != null) {
                        throw invalid(at, "noemt een tweede LAS-key");
                    }
                    if (!keys.add(id)) {
                        throw invalid(at, "deze LAS-key komt al eerder in de lijst voor");
                    }
                    key = id;
                }
            }
            String groep = d.path("groep").asText();
            if (!groepIds.contains(groep)) {
                throw invalid(path + "/groep", "verwijst naar een groep die niet in de lijst staat");
            }
            JsonNode extensie = d.path("extensie");
            out.add(new Leerling(key, eckid, d.path("achternaam").asText(), text(d, "voorvoegsel"),
                    extensie.path("voorletters").asText(), d.path("roepnaam").asText(),
                    LocalDate.parse(extensie.path("geboortedatum").asText()), extensie.path("geslacht").asInt(),
                    d.path("niveau").path("niveau").asText(), groep));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static GatewayFault invalid(String path, String reason) {
        return new GatewayFault(FaultCode.ONGELDIG_BERICHT, "Ongeldige inhoud in " + path + ": " + reason + ".");
    }
}
