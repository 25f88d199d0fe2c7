package nl.eindtoets.gateway.backoffice;

import static nl.eindtoets.gateway.deelnemers.Lijsten.SCHOOLJAAR;
import static nl.eindtoets.gateway.deelnemers.Lijsten.caller;
import static nl.eindtoets.gateway.deelnemers.Lijsten.digest;
import static nl.eindtoets.gateway.deelnemers.Lijsten.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenService;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenVerzoek;
import nl.eindtoets.gateway.leerresultaten.PupilResults;
import nl.eindtoets.gateway.push.ConfiguredLasEndpoints;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.AuditRecord;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.JdbcAuditLog;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackOfficeApiTest {

    private static final String TOKEN = "test-token-" + System.nanoTime();
    private static final OffsetDateTime NOV_15 = OffsetDateTime.parse("2026-11-15T10:00:00+01:00");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private BackOfficeServer server;

    private void start(Engine engine) {
        db = databases.fresh(engine);
        DevelopmentData.seedIfEmpty(db, clock);
        server = BackOfficeServer.start(new BackOfficeSettings(true, "127.0.0.1", 0, TOKEN), db, clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    private void deliver(String brin, String prefix, int count) {
        new DeelnemersService(db, clock).bring(caller(brin), digest(prefix + brin), lijst(brin, prefix, count, NOV_15));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesCallsWithoutTheBearerTokenButServesTheOpenApiDocument(Engine engine) throws Exception {
        start(engine);
        URI schools = URI.create("http://127.0.0.1:" + server.port() + "/api/schools");

        HttpResponse<String> none = http.send(HttpRequest.newBuilder(schools).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(schools).header("Authorization", "Bearer nope")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/openapi.yaml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(get("/api/schools").statusCode()).isEqualTo(200);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).startsWith("openapi: 3")
                .isEqualTo(Files.readString(Path.of("docs/backoffice-openapi.yaml")));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registersASchoolAndListsItForItsSchoolYear(Engine engine) throws Exception {
        start(engine);

        HttpResponse<String> created = post("/api/schools", "application/json",
                "{\"brincode\":\"12AB\",\"schooljaar\":\"2027-2028\",\"windowOpens\":\"2027-12-01\",\"windowCloses\":\"2028-01-31\"}");
        HttpResponse<String> listed = get("/api/schools?schooljaar=2027-2028");
        HttpResponse<String> bad = post("/api/schools", "application/json", "{\"brincode\":\"12AB\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(listed)).hasSize(1);
        assertThat(json(listed).get(0).get("brincode").asText()).isEqualTo("12AB");
        assertThat(json(listed).get(0).get("windowCloses").asText()).isEqualTo("2028-01-31");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registersASchoolWithItsNameAndListsItWithTheName(Engine engine) throws Exception {
        start(engine);

        HttpResponse<String> created = post("/api/schools", "application/json", "{\"brincode\":\"12AB\","
                + "\"schooljaar\":\"2027-2028\",\"windowOpens\":\"2027-12-01\",\"windowCloses\":\"2028-01-31\","
                + "\"naam\":\"Basisschool De Eikenhorst\"}");
        HttpResponse<String> listed = get("/api/schools?schooljaar=2027-2028");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(json(created).get("naam").asText()).isEqualTo("Basisschool De Eikenhorst");
        assertThat(json(listed).get(0).get("naam").asText()).isEqualTo("Basisschool De Eikenhorst");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsASchoolRegisteredWithoutANameWithANullName(Engine engine) throws Exception {
        start(engine);

        HttpResponse<String> listed = get("/api/schools?schooljaar=" + SCHOOLJAAR);

        assertThat(json(listed).get(0).get("brincode").asText()).isEqualTo("99AA");
        assertThat(json(listed).get(0).get("naam").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesASchoolNameThatIsNotOneLineOfTextUpTo200Characters(Engine engine) throws Exception {
        start(engine);
        String school = "{\"brincode\":\"12AB\",\"schooljaar\":\"2027-2028\",\"windowOpens\":\"2027-12-01\","
                + "\"windowCloses\":\"2028-01-31\",\"naam\":%s}";

        HttpResponse<String> number = post("/api/schools", "application/json", school.formatted("12"));
        HttpResponse<String> twoLines = post("/api/schools", "application/json", school.formatted("\"De Eik\\nNoord\""));
        HttpResponse<String> tooLong = post("/api/schools", "application/json",
                school.formatted("\"" + "x".repeat(201) + "\""));

        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(twoLines.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(get("/api/schools?schooljaar=2027-2028"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void showsASchoolsCurrentParticipantList(Engine engine) throws Exception {
        start(engine);
        deliver("99AA", "a", 3);

        HttpResponse<String> r = get("/api/schools/99AA/" + SCHOOLJAAR + "/participants");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("aantalDeelnemers").asInt()).isEqualTo(3);
        assertThat(json(r).get("leerlingen").get(2).get("key").asText()).isEqualTo("a-2");
        assertThat(get("/api/schools/99AB/" + SCHOOLJAAR + "/participants").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exportsAllCurrentParticipantsAsJsonAndCsv(Engine engine) throws Exception {
        start(engine);
        deliver("99AA", "a", 3);
        deliver("99AB", "b", 2);

        HttpResponse<String> asJson = get("/api/participants/export?schooljaar=" + SCHOOLJAAR);
        HttpResponse<String> asCsv = get("/api/participants/export?format=csv");

        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(json(asJson)).hasSize(5);
        assertThat(json(asJson).get(3).get("brincode").asText()).isEqualTo("99AB");
        assertThat(json(asJson).get(0).get("groepnaam").asText()).isEqualTo("Groep 8");
        assertThat(asCsv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = asCsv.body().split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("brincode,dependancecode,schooljaar,ontvangstid,leerlingkey,eckid,achternaam");
        assertThat(lines[1]).startsWith("99AA,00,2026-2027,").contains(",a-0,");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void importedResultsAreServedByHaalLeerresultatenAndThenGeenWijzigingen(Engine engine) throws Exception {
        start(engine);
        deliver("99AA", "a", 3);
        String file = "[{\"brincode\":\"99AA\",\"schooljaar\":\"2026-2027\",\"leerlingid\":\"a-0\","
                + "\"toetscode\":\"EINDTOETS-2027\",\"afnamedatum\":\"2027-04-20\",\"score\":212},"
                + "{\"brincode\":\"99AA\",\"schooljaar\":\"2026-2027\",\"leerlingid\":\"a-1\","
                + "\"toetscode\":\"EINDTOETS-2027\",\"toetsonderdeelcode\":\"REKENEN\",\"afnamedatum\":\"2027-04-20\","
                + "\"score\":41,\"infourl\":\"https://toets.example/rapport/1\"}]";

        HttpResponse<String> r = post("/api/results", "application/json", file);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("stored").asBoolean()).isTrue();
        assertThat(json(r).get("pupils").asInt()).isEqualTo(2);
        LeerresultatenService haal = new LeerresultatenService(db);
        var answer = (LeerresultatenAntwoord.Resultaten) haal.haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", "2.2", null));
        assertThat(answer.toetsafnames()).hasSize(2);
        assertThat(haal.haal(caller("99AA"), new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", null, "2.3",
                answer.school().aanmaakdatum()))).isInstanceOf(LeerresultatenAntwoord.GeenWijzigingen.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCsvResultsFileCarriesTheLevelOfEachPartAndTheAdvice(Engine engine) throws Exception {
        start(engine);
        deliver("99AA", "a", 3);
        String csv = "brincode;schooljaar;leerlingid;toetscode;toetsonderdeelcode;afnamedatum;score;referentieniveau;"
                + "toetsadvies\r\n"
                + "99AA;2026-2027;a-0;EINDTOETS-2027;;2027-04-20;212;;vmbo-gt/havo\r\n"
                + "99AA;2026-2027;a-0;EINDTOETS-2027;REKENEN;2027-04-20;41;1F;\r\n"
                + "99AA;2026-2027;a-0;EINDTOETS-2027;LEZEN;2027-04-20;30;2F;\r\n";

        HttpResponse<String> r = post("/api/results", "text/csv", csv);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        PupilResults stored = new LeerresultatenService(db).resultsOf("99AA", "00", SCHOOLJAAR,
                lijst("99AA", "a", 3, NOV_15).leerlingen().get(0));
        assertThat(stored.referentieniveaus("EINDTOETS-2027")).containsExactly(entry("REKENEN", "1F"),
                entry("LEZEN", "2F"));
        assertThat(stored.toetsadvies("EINDTOETS-2027")).hasValue("vmbo-gt/havo");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aJsonResultsFileWithALevelOnTheWholeTestAndAdviceOnAPartIsRefusedPerRow(Engine engine) throws Exception {
        start(engine);
        deliver("99AA", "a", 3);
        String file = "[{\"brincode\":\"99AA\",\"schooljaar\":\"2026-2027\",\"leerlingid\":\"a-0\","
                + "\"toetscode\":\"EINDTOETS-2027\",\"afnamedatum\":\"2027-04-20\",\"score\":212,"
                + "\"referentieniveau\":\"1F\"},"
                + "{\"brincode\":\"99AA\",\"schooljaar\":\"2026-2027\",\"leerlingid\":\"a-0\","
                + "\"toetscode\":\"EINDTOETS-2027\",\"toetsonderdeelcode\":\"REKENEN\",\"afnamedatum\":\"2027-04-20\","
                + "\"score\":41,\"toetsadvies\":\"havo\"}]";

        HttpResponse<String> r = post("/api/results", "application/json", file);

        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = json(r).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("referentieniveau");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(2);
        assertThat(errors.get(1).get("field").asText()).isEqualTo("toetsadvies");
        assertThat(new LeerresultatenService(db).haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", "2.2", null)))
                .isInstanceOf(LeerresultatenAntwoord.GeenGegevens.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBadCsvResultsFileIsRefusedPerRowAndStoresNothing(Engine engine) throws Exception {
        start(engine);
        deliver("99AA", "a", 3);
        String csv = "brincode;schooljaar;leerlingid;toetscode;afnamedatum;score\r\n"
                + "99AA;2026-2027;a-0;EINDTOETS-2027;2027-04-20;212\r\n"
                + "99AA;2026-2027;unknown;EINDTOETS-2027;2027-04-20;200\r\n"
                + "99AA;2026-2027;a-1;EINDTOETS-2027;2027-04-20;veel\r\n"
                + "99AA;2026-2027;a-2;OTHER;2027-04-20;100\r\n";

        HttpResponse<String> r = post("/api/results", "text/csv", csv);

        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = json(r).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("leerlingid");
        assertThat(errors.get(1).get("field").asText()).isEqualTo("score");
        assertThat(errors.get(2).get("field").asText()).isEqualTo("toetscode");
        assertThat(new LeerresultatenService(db).haal(caller("99AA"),
                new LeerresultatenVerzoek(SCHOOLJAAR, "99AA", "00", "2.2", null)))
                .isInstanceOf(LeerresultatenAntwoord.GeenGegevens.class);
    }

    private HttpResponse<String> putLasEndpoint(String routingId, String body) throws Exception {
        return http.send(request("/api/las-endpoints/" + routingId).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deleteLasEndpoint(String routingId) throws Exception {
        return http.send(request("/api/las-endpoints/" + routingId).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void setsReplacesAndListsLasEndpointsThatThePushThenFinds(Engine engine) throws Exception {
        start(engine);

        HttpResponse<String> set = putLasEndpoint("RK0000000000000099AB", "{\"url\":\"https://las-b.example\"}");
        putLasEndpoint("RK0000000000000099AA", "{\"url\":\"https://old.example\"}");
        HttpResponse<String> replaced = putLasEndpoint("RK0000000000000099AA",
                "{\"url\":\"https://las-a.example/eindtoets\"}");
        JsonNode list = json(get("/api/las-endpoints"));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("url").asText()).isEqualTo("https://las-a.example/eindtoets");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("routingId").asText()).isEqualTo("RK0000000000000099AA");
        assertThat(list.get(0).get("url").asText()).isEqualTo("https://las-a.example/eindtoets");
        assertThat(new ConfiguredLasEndpoints(db, clock).find("RK0000000000000099AA", Oin.ofSchool("99AA")))
                .map(e -> e.baseUrl().toString()).contains("https://las-a.example/eindtoets");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deletesALasEndpointAndAnswers404ForOneThatIsNotThere(Engine engine) throws Exception {
        start(engine);
        putLasEndpoint("RK0000000000000099AA", "{\"url\":\"https://las-a.example\"}");

        HttpResponse<String> deleted = deleteLasEndpoint("RK0000000000000099AA");
        HttpResponse<String> again = deleteLasEndpoint("RK0000000000000099AA");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(get("/api/las-endpoints"))).isEmpty();
    }

    @Test
    void refusesAMalformedRouteringskenmerkOrAUrlThatIsNotAbsoluteHttpsWith400() throws Exception {
        start(Engine.H2);

        HttpResponse<String> shortId = putLasEndpoint("RK99AA", "{\"url\":\"https://las-a.example\"}");
        HttpResponse<String> plainHttp = putLasEndpoint("RK0000000000000099AA", "{\"url\":\"http://las-a.example\"}");
        HttpResponse<String> relative = putLasEndpoint("RK0000000000000099AA", "{\"url\":\"/eindtoets\"}");
        HttpResponse<String> noUrl = putLasEndpoint("RK0000000000000099AA", "{}");
        HttpResponse<String> notJson = putLasEndpoint("RK0000000000000099AA", "https://las-a.example");
        HttpResponse<String> deleteShortId = deleteLasEndpoint("RK99AA");

        assertThat(List.of(shortId, plainHttp, relative, noUrl, notJson, deleteShortId))
                .extracting(HttpResponse::statusCode).containsOnly(400);
        assertThat(json(shortId).get("error").asText()).contains("routeringskenmerk");
        assertThat(json(plainHttp).get("error").asText()).contains("https");
        assertThat(json(get("/api/las-endpoints"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void searchesTheAuditLog(Engine engine) throws Exception {
        start(engine);
        JdbcAuditLog audit = new JdbcAuditLog(db);
        audit.record(new AuditRecord(Instant.parse("2026-11-30T09:00:00Z"), "c1", "m1", "00000099000000001000",
                "0000000700099AA00000", "BrengDeelnemers", "accepted", null, digest("x")));
        audit.record(new AuditRecord(Instant.parse("2026-11-30T09:01:00Z"), "c2", "m2", "00000099000000003000",
                "0000000700099AC00000", "BrengDeelnemers", "refused", "Client.AutorisatieOngeldig", null));
        audit.record(new AuditRecord(Instant.parse("2026-11-30T09:02:00Z"), "c3", null, null, null, null,
                "refused", "wsse:InvalidSecurity", null));

        JsonNode all = json(get("/api/audit"));
        JsonNode school = json(get("/api/audit?schoolOin=0000000700099AA00000"));
        JsonNode window = json(get("/api/audit?from=2026-11-30T09:01:00Z&to=2026-11-30T09:02:00Z"));

        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("correlationId").asText()).isEqualTo("c3");
        assertThat(school).hasSize(1);
        assertThat(school.get(0).get("messageId").asText()).isEqualTo("m1");
        assertThat(window).hasSize(1);
        assertThat(window.get(0).get("faultCode").asText()).isEqualTo("Client.AutorisatieOngeldig");
        assertThat(get("/api/audit?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void refusesToListenBeyondLoopbackWithTheDevelopmentToken() {
        assertThatThrownBy(() -> new BackOfficeSettings(true, "0.0.0.0", 0, BackOfficeSettings.DEVELOPMENT_TOKEN)
                .validate()).isInstanceOf(IllegalStateException.class).hasMessageContaining("backoffice.token");
        assertThatThrownBy(() -> new BackOfficeSettings(true, "127.0.0.1", 0, " ").validate())
                .isInstanceOf(IllegalStateException.class);
        new BackOfficeSettings(true, "127.0.0.1", 0, BackOfficeSettings.DEVELOPMENT_TOKEN).validate();
        new BackOfficeSettings(true, "0.0.0.0", 0, "a-real-secret").validate();
    }
}
