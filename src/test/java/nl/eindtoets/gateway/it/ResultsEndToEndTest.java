package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Bodies.deelnemers;
import static nl.eindtoets.gateway.it.Bodies.leerresultatenVerzoek;
import static nl.eindtoets.gateway.it.Bodies.pupils;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Results the supplier imports through the back office API are what HaalLeerresultaten serves over the real gateway
 * (signed SOAP over mutual TLS), in the UWLR results shape; a LAS that sends the answer's time back gets
 * {@code geenwijzigingen}; a refused results file changes nothing; {@code xsdversie} may be left out of the request,
 * but a value that is present must be supported. One gateway on an H2 file for the class, a school of its own per
 * test, pupils delivered through BrengDeelnemers first.
 */
class ResultsEndToEndTest {

    private static final String LR = "http://www.edustandaard.nl/leerresultaten/2/leerresultaten";
    private static final String GW = "urn:eindtoets-gateway:1";

    private static final String JSON_IMPORT = "97AA";
    private static final String CSV_IMPORT = "97AB";
    private static final String NO_RESULTS = "97AC";
    private static final String BAD_FILE = "97AD";
    /** The development school of the samples, asked for its results without xsdversie. */
    private static final String NO_XSDVERSIE = "99AA";

    private static StoreGateway store;

    @BeforeAll
    static void startGateway(@TempDir Path dir) throws Exception {
        List<String> schools = List.of(JSON_IMPORT, CSV_IMPORT, NO_RESULTS, BAD_FILE, NO_XSDVERSIE);
        store = StoreGateway.start(dir, StoreGateway.h2(dir), schools);
        store.registerOpen(schools.toArray(String[]::new));
        for (String brin : schools) {
            store.deliver(brin, deelnemers(brin, "2026-11-20T09:00:00", pupils(brin, 1, 3)));
        }
    }

    @AfterAll
    static void stopGateway() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void resultsImportedAsJsonAreServedInTheUwlrShapeAndThenGeenwijzigingen() throws Exception {
        String pupil1 = pupils(JSON_IMPORT, 1, 1).get(0).key();
        String pupil2 = pupils(JSON_IMPORT, 2, 1).get(0).key();
        HttpResponse<String> imported = store.post("/api/results", "application/json", """
                [{"brincode":"%1$s","schooljaar":"2026-2027","leerlingid":"%2$s","toetscode":"EINDTOETS-2027",
                  "afnamedatum":"2027-04-20","score":212,"infourl":"https://toets.example/rapport/1"},
                 {"brincode":"%1$s","schooljaar":"2026-2027","leerlingid":"%2$s","toetscode":"EINDTOETS-2027",
                  "toetsonderdeelcode":"REKENEN","afnamedatum":"2027-04-20","score":41},
                 {"brincode":"%1$s","schooljaar":"2026-2027","leerlingid":"%3$s","toetscode":"EINDTOETS-2027",
                  "afnamedatum":"2027-04-21","score":198}]
                """.formatted(JSON_IMPORT, pupil1, pupil2));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(imported.body()).get("stored").asBoolean()).isTrue();

        Element answer = answer(store.haal(JSON_IMPORT, leerresultatenVerzoek(JSON_IMPORT, null)));

        assertThat(childNames(answer)).containsExactly("school", "toetsafnames", "toetsen");
        assertThat(children(answer)).allSatisfy(e -> assertThat(e.getNamespaceURI()).as("UWLR results namespace")
                .isEqualTo(LR));
        Element school = child(answer, "school");
        assertThat(text(school, "brincode")).isEqualTo(JSON_IMPORT);
        assertThat(text(school, "schooljaar")).isEqualTo("2026-2027");
        assertThat(scores(answer, pupil1)).containsExactlyInAnyOrder("EINDTOETS-2027/-/212",
                "EINDTOETS-2027/REKENEN/41");
        assertThat(scores(answer, pupil2)).containsExactly("EINDTOETS-2027/-/198");
        assertThat(text(child(child(answer, "toetsen"), "toets"), "toetscode")).isEqualTo("EINDTOETS-2027");

        Element again = answer(store.haal(JSON_IMPORT, leerresultatenVerzoek(JSON_IMPORT, text(school, "aanmaakdatum"))));
        assertThat(childNames(again)).containsExactly("geenwijzigingen");
    }

    @Test
    void resultsImportedAsCsvAreServed() throws Exception {
        String pupil = pupils(CSV_IMPORT, 3, 1).get(0).key();
        HttpResponse<String> imported = store.post("/api/results", "text/csv", """
                brincode,schooljaar,leerlingid,toetscode,toetsonderdeelcode,afnamedatum,score,infourl
                %1$s,2026-2027,%2$s,EINDTOETS-2027,,2027-04-20,205,
                %1$s,2026-2027,%2$s,EINDTOETS-2027,LEZEN,2027-04-20,37,
                """.formatted(CSV_IMPORT, pupil));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        Element answer = answer(store.haal(CSV_IMPORT, leerresultatenVerzoek(CSV_IMPORT, null)));

        assertThat(childNames(answer)).containsExactly("school", "toetsafnames", "toetsen");
        assertThat(scores(answer, pupil)).containsExactlyInAnyOrder("EINDTOETS-2027/-/205", "EINDTOETS-2027/LEZEN/37");
    }

    @Test
    void schoolWithoutResultsGetsGeengegevens() throws Exception {
        Element answer = answer(store.haal(NO_RESULTS, leerresultatenVerzoek(NO_RESULTS, null)));

        assertThat(childNames(answer)).containsExactly("geengegevens");
    }

    @Test
    void resultsFileWithAnUnknownPupilStoresNothing() throws Exception {
        String pupil = pupils(BAD_FILE, 1, 1).get(0).key();
        HttpResponse<String> good = store.post("/api/results", "text/csv", """
                brincode,schooljaar,leerlingid,toetscode,afnamedatum,score
                %s,2026-2027,%s,EINDTOETS-2027,2027-04-20,200
                """.formatted(BAD_FILE, pupil));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        Element before = answer(store.haal(BAD_FILE, leerresultatenVerzoek(BAD_FILE, null)));

        HttpResponse<String> bad = store.post("/api/results", "text/csv", """
                brincode,schooljaar,leerlingid,toetscode,afnamedatum,score
                %1$s,2026-2027,%2$s,EINDTOETS-2027,2027-04-20,150
                %1$s,2026-2027,%1$s-lln-9999,EINDTOETS-2027,2027-04-20,180
                """.formatted(BAD_FILE, pupil));

        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode report = Json.MAPPER.readTree(bad.body());
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("errors")).extracting(e -> e.get("row").asInt()).containsExactly(2);
        Element after = answer(store.haal(BAD_FILE, leerresultatenVerzoek(BAD_FILE, null)));
        assertThat(scores(after, pupil)).containsExactly("EINDTOETS-2027/-/200");
        assertThat(text(child(after, "school"), "aanmaakdatum"))
                .isEqualTo(text(child(before, "school"), "aanmaakdatum"));
        String since = text(child(before, "school"), "aanmaakdatum");
        assertThat(childNames(answer(store.haal(BAD_FILE, leerresultatenVerzoek(BAD_FILE, since)))))
                .containsExactly("geenwijzigingen");
    }

    @Test
    void requestWithoutXsdversieIsAnsweredWithTheResultsAndXsdversie22() throws Exception {
        String pupil = pupils(NO_XSDVERSIE, 2, 1).get(0).key();
        HttpResponse<String> imported = store.post("/api/results", "text/csv", """
                brincode,schooljaar,leerlingid,toetscode,toetsonderdeelcode,afnamedatum,score,infourl
                %1$s,2026-2027,%2$s,EINDTOETS-2027,,2027-04-20,207,
                %1$s,2026-2027,%2$s,EINDTOETS-2027,REKENEN,2027-04-20,39,
                """.formatted(NO_XSDVERSIE, pupil));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        Element request = leerresultatenVerzoek(NO_XSDVERSIE, null, null);
        assertThat(request.getElementsByTagNameNS(GW, "xsdversie").getLength()).as("xsdversie in the request").isZero();

        Element answer = answer(store.haal(NO_XSDVERSIE, request));

        assertThat(childNames(answer)).containsExactly("school", "toetsafnames", "toetsen");
        Element school = child(answer, "school");
        assertThat(text(school, "brincode")).isEqualTo(NO_XSDVERSIE);
        assertThat(text(school, "xsdversie")).as("the UWLR version of the answer's shape").isEqualTo("2.2");
        assertThat(scores(answer, pupil)).containsExactlyInAnyOrder("EINDTOETS-2027/-/207",
                "EINDTOETS-2027/REKENEN/39");

        Element again = answer(store.haal(NO_XSDVERSIE,
                leerresultatenVerzoek(NO_XSDVERSIE, null, text(school, "aanmaakdatum"))));
        assertThat(childNames(again)).containsExactly("geenwijzigingen");
    }

    @Test
    void requestWithAnUnsupportedXsdversieIsStillRefusedWithXsdVersieOngeldig() throws Exception {
        GatewayResponse response = store.haal(NO_XSDVERSIE, leerresultatenVerzoek(NO_XSDVERSIE, "9.9", null));

        SoapFaultInfo fault = Faults.assertFault(response, Faults.soap("Client.XsdVersieOngeldig"), null, true);
        assertThat(fault.faultString()).contains("xsdversie");
    }

    /** The verified {@code gw:leerresultaten_antwoord}. */
    private static Element answer(GatewayResponse response) {
        assertThat(response).as("answer to HaalLeerresultaten").isInstanceOf(VerifiedResponse.class);
        Element payload = ((VerifiedResponse) response).payload();
        assertThat(payload.getNamespaceURI()).isEqualTo(GW);
        assertThat(payload.getLocalName()).isEqualTo("leerresultaten_antwoord");
        return payload;
    }

    /** "toetscode/toetsonderdeelcode or -/score" of every result of the pupil with this LAS-key. */
    private static List<String> scores(Element answer, String leerlingid) {
        List<String> out = new ArrayList<>();
        for (Element afname : children(child(answer, "toetsafnames"))) {
            if (!leerlingid.equals(text(afname, "leerlingid"))) {
                continue;
            }
            for (Element r : children(child(afname, "resultaten"))) {
                Element deel = child(r, "toetsonderdeelcode");
                out.add(text(r, "toetscode") + "/" + (deel == null ? "-" : deel.getTextContent()) + "/"
                        + text(r, "score"));
            }
        }
        return out;
    }

    private static List<String> childNames(Element e) {
        return children(e).stream().map(Element::getLocalName).toList();
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst().orElse(null);
    }

    private static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        assertThat(e).as("%s in %s", localName, parent.getLocalName()).isNotNull();
        return e.getTextContent().strip();
    }
}
