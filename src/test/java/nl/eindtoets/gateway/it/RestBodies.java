package nl.eindtoets.gateway.it;

import java.util.List;
import java.util.stream.Collectors;

/** Deelnemerslijst bodies of the REST front door for the end-to-end tests, in school year {@link Bodies#SCHOOLJAAR}. */
final class RestBodies {

    static final String DOORSTROOM = "Doorstroomtoetsketen_v1.1";
    static final String DOORSTROOM_V10 = "Doorstroomtoetsketen_v1.0";
    static final String EINDTOETS_V3 = "Eindtoetsketen_v3";

    /** One pupil of group {@code <brin>-grp-8}; {@code lasKey} or {@code eckid} may be null. */
    record Pupil(String lasKey, String eckid, String achternaam) {
        static Pupil key(String lasKey, String achternaam) {
            return new Pupil(lasKey, null, achternaam);
        }
    }

    private RestBodies() {
    }

    /** An ECK-iD made of one repeated hex digit, distinct per {@code digit}. */
    static String eckid(char digit) {
        return "https://ketenid.nl/201703/" + String.valueOf(digit).repeat(128);
    }

    static String lijst(String brin, String datumtijd, List<Pupil> pupils) {
        return lijst(brin, datumtijd, DOORSTROOM, pupils);
    }

    static String lijst(String brin, String datumtijd, String versie, List<Pupil> pupils) {
        String deelnemers = pupils.stream().map(p -> deelnemer(brin, p)).collect(Collectors.joining(",\n"));
        return """
                {"datumtijd": "%s", "auteur": "Dev LAS A", "versie": "%s", "profiel": "%s",
                 "schooljaar": "%s",
                 "deelnemersgroep": {"instellingscode": "%s", "vestigingscode": "00",
                   "onderwijsaanbiedercode": "101A202", "onderwijslocatiecode": "303X404", "administratienr": "01"},
                 "groepen": [{"label": "Stamgroep", "id": "%s-grp-8", "omschrijving": "Groep 8",
                   "niveau": {"label": "Jaargroep", "niveau": "8"}}],
                 "deelnemers": [%s]}
                """.formatted(datumtijd, versie, versie.equals(EINDTOETS_V3) ? "Eindtoetsdeelnemers" : "Toetsdeelnemers",
                Bodies.SCHOOLJAAR, brin, brin, deelnemers);
    }

    /** A Schooladviezenlijst (v1.1) giving each pupil its advice, in order. */
    static String schooladviezen(String brin, List<Pupil> pupils, List<String> adviezen) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < pupils.size(); i++) {
            items.append(i > 0 ? ",\n" : "").append("{\"deelnemerref\": [").append(refs(pupils.get(i)))
                    .append("], \"advies\": \"").append(adviezen.get(i)).append("\"}");
        }
        return """
                {"versie": "%s", "profiel": "Schooladviezen", "schooljaar": "%s",
                 "deelnemersgroep": {"instellingscode": "%s", "vestigingscode": "00",
                   "onderwijsaanbiedercode": "101A202", "onderwijslocatiecode": "303X404", "administratienr": "01"},
                 "voorlopigSchooladviezen": [%s]}
                """.formatted(DOORSTROOM, Bodies.SCHOOLJAAR, brin, items);
    }

    private static String refs(Pupil p) {
        StringBuilder refs = new StringBuilder();
        if (p.eckid() != null) {
            refs.append("{\"label\": \"ECK-iD\", \"onderwijsdeelnemerID\": \"").append(p.eckid()).append("\"}");
        }
        if (p.lasKey() != null) {
            refs.append(refs.length() > 0 ? ", " : "")
                    .append("{\"label\": \"LAS-key\", \"onderwijsdeelnemerID\": \"").append(p.lasKey()).append("\"}");
        }
        return refs.toString();
    }

    private static String deelnemer(String brin, Pupil p) {
        String refs = refs(p);
        return """
                {"label": "Leerling", "deelnemerref": [%s], "achternaam": "%s", "roepnaam": "Kim",
                 "groep": "%s-grp-8", "niveau": {"label": "Jaargroep", "niveau": "8"},
                 "extensie": {"label": "Demografisch", "voorletters": "K", "geboortedatum": "2015-04-01", "geslacht": 2}}"""
                .formatted(refs, p.achternaam(), brin);
    }
}
