package nl.eindtoets.gateway.deelnemers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.store.Schooljaar;

/**
 * A Schooladviezenlijst of the REST front door, already valid under the JSON Schema of the OpenAPI document, with
 * the rules a schema cannot express: each pupil's references carry each label once, and no pupil is named twice.
 * The first violation is refused with {@code Client.OngeldigBericht} naming its JSON Pointer, never its value.
 */
public final class SchooladviezenJson {

    private SchooladviezenJson() {
    }

    /** @param body a body the schema accepted */
    public static Schooladviezenlijst read(JsonNode body) {
        String schooljaar = body.path("schooljaar").asText();
        if (!Schooljaar.isValid(schooljaar)) {
            throw invalid("/schooljaar", "moet twee opeenvolgende jaren noemen");
        }
        JsonNode groep = body.path("deelnemersgroep");
        // As for a Doorstroomtoetsketen participant list: all five codes of the school administration.
        for (String code : List.of("onderwijsaanbiedercode", "onderwijslocatiecode")) {
            if (!groep.hasNonNull(code)) {
                throw new GatewayFault(FaultCode.ONGELDIG_BERICHT,
                        "Verplicht gegeven ontbreekt: /deelnemersgroep/" + code + ".");
            }
        }
        JsonNode array = body.path("voorlopigSchooladviezen");
        List<Schooladviezenlijst.Advies> adviezen = new ArrayList<>(array.size());
        Set<String> pupils = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "/voorlopigSchooladviezen/" + i;
            JsonNode a = array.get(i);
            String eckid = null;
            String key = null;
            JsonNode refs = a.path("deelnemerref");
            for (int r = 0; r < refs.size(); r++) {
                String label = refs.get(r).path("label").asText();
                String id = refs.get(r).path("onderwijsdeelnemerID").asText();
                if ("ECK-iD".equals(label) ? eckid != null : key != null) {
                    throw invalid(path + "/deelnemerref/" + r, "noemt een tweede " + label);
                }
                if ("ECK-iD".equals(label)) {
                    eckid = id;
                } else {
                    key = id;
                }
            }
            if (!pupils.add(eckid != null ? "E " + eckid : "K " + key)) {
                throw invalid(path + "/deelnemerref", "deze leerling staat al eerder in de lijst");
            }
            adviezen.add(new Schooladviezenlijst.Advies(path, eckid, key, a.path("advies").asText()));
        }
        return new Schooladviezenlijst(schooljaar, groep.path("instellingscode").asText(),
                groep.path("vestigingscode").asText("00"), adviezen);
    }

    static GatewayFault invalid(String path, String reason) {
        return new GatewayFault(FaultCode.ONGELDIG_BERICHT, "Ongeldige inhoud in " + path + ": " + reason + ".");
    }
}
