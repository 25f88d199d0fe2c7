package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.RestBodies.eckid;
import static nl.eindtoets.gateway.it.RestBodies.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.it.RestBodies.Pupil;
import nl.eindtoets.gateway.reliability.TcpProxy;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.rest.RestPostChain;
import nl.eindtoets.gateway.store.DatabaseSettings;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The REST front door (Doorstroomtoetsketen {@code POST /registreren}) over real mutual TLS into the store the
 * subclass gives, read back through the back office, the audit log and SOAP HaalLeerresultaten. Every status code of
 * the front door is asked for here; each test works on a school of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RestDeliveryEndToEndCases {

    private static final String ACCEPTED = "97AA";
    private static final String REPEATED = "97AB";
    private static final String MUTATED = "97AC";
    private static final String REPLACED = "97AD";
    private static final String BOTH_CHANNELS = "97AE";
    private static final String CLOSED = "97AF";
    private static final String INVALID = "97AG";
    private static final String RESULTS = "97AH";
    private static final String AUDITED = "97AJ";
    private static final String VERSION_10 = "97AN";
    private static final String ADVICE = "97AP";
    private static final String REPORT = "97AQ";
    private static final String REPORT_ELSEWHERE = "97AR";
    /** Registered in its test, with a name. */
    private static final String REPORT_NAMED = "97AS";
    /** Mandated and registered; the audit table refuses its records in the test that uses it. */
    private static final String AUDIT_REFUSED = "97AT";
    /** Well-formed, issued to no one. */
    private static final String NO_SUCH_ID = "A".repeat(43);
    private static final String OTHER_SCHOOL = "97AK";
    /** Mandated for las-a but never registered. */
    private static final String UNREGISTERED = "97AL";
    /** Registered, but mandated for no one. */
    private static final String NOT_MANDATED = "97AM";
    private static final String OLD = "2026-12-01T08:00:00Z";
    private static final String NEW = "2026-12-02T08:00:00Z";

    StoreGateway store;
    RestLas lasA;

    abstract DatabaseSettings database(Path dir);

    /** A fresh database of the same engine whose connections go through {@code proxy}'s port, once it exists. */
    abstract DatabaseSettings behindProxy(Path dir, ProxyFactory proxies) throws Exception;

    /** Starts a TCP proxy in front of a database port. */
    interface ProxyFactory {
        TcpProxy to(int port) throws Exception;
    }

    @BeforeAll
    void startGateway(@TempDir Path dir) throws Exception {
        store = StoreGateway.start(dir, database(dir), List.of(ACCEPTED, REPEATED, MUTATED, REPLACED, BOTH_CHANNELS,
                CLOSED, INVALID, RESULTS, AUDITED, OTHER_SCHOOL, UNREGISTERED, VERSION_10, ADVICE,
                REPORT, REPORT_ELSEWHERE, REPORT_NAMED, AUDIT_REFUSED));
        store.registerOpen(ACCEPTED, REPEATED, MUTATED, REPLACED, BOTH_CHANNELS, INVALID, RESULTS, AUDITED,
                OTHER_SCHOOL, NOT_MANDATED, VERSION_10, ADVICE, REPORT, REPORT_ELSEWHERE, AUDIT_REFUSED);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        store.register(CLOSED, today.minusDays(60), today.minusDays(1));
        lasA = RestLas.as(store.gateway(), "las-a");
    }

    @AfterAll
    void stopGateway() {
        if (store != null) {
            store.close();
        }
    }

    // --- 202 -------------------------------------------------------------------------------------------------------

    @Test
    void acceptedListIsAnswered202OnceCommittedAndStoredAsARestMutatieleveringWithItsEduFrom() throws Exception {
        RestLas.Answer answer = lasA.registreren(ACCEPTED, lijst(ACCEPTED, OLD,
                List.of(new Pupil("lln-1", eckid('1'), "Jansen"), Pupil.key("lln-2", "Visser"))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.melding()).contains("2 deelnemers");
        assertThat(answer.correlatie()).isNotBlank();
        assertThat(deliveries(ACCEPTED)).containsExactly("REST/mutatielevering/" + RestLas.ROUTERINGSKENMERK + "/2");
        JsonNode list = store.json("/api/schools/" + ACCEPTED + "/" + Bodies.SCHOOLJAAR + "/participants");
        assertThat(list.get("kanaal").asText()).isEqualTo("REST");
        assertThat(list.get("eduFrom").asText()).isEqualTo(RestLas.ROUTERINGSKENMERK);
        assertThat(list.get("leerlingen").get(0).get("eckid").asText()).isEqualTo(eckid('1'));
    }

    @Test
    void theSameBodyAgainIsAnswered202AndStoredOnce() throws Exception {
        String body = lijst(REPEATED, OLD, List.of(Pupil.key("lln-1", "Jansen")));

        assertThat(lasA.registreren(REPEATED, body).status()).isEqualTo(202);
        assertThat(lasA.registreren(REPEATED, body).status()).isEqualTo(202);

        assertThat(deliveries(REPEATED)).hasSize(1);
    }

    @Test
    void aDoorstroomListAddsAndChangesPupilsAndDeletesNone() throws Exception {
        lasA.registreren(MUTATED, lijst(MUTATED, OLD, List.of(Pupil.key("lln-1", "Jansen"), Pupil.key("lln-2", "Visser"))));

        RestLas.Answer answer = lasA.registreren(MUTATED, lijst(MUTATED, NEW,
                List.of(Pupil.key("lln-2", "Visser-Smit"), Pupil.key("lln-3", "Bakker"))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        assertThat(surnames(MUTATED)).containsExactly("lln-1 Jansen", "lln-2 Visser-Smit", "lln-3 Bakker");
    }

    @Test
    void aDoorstroomtoetsketenV10ListIsAcceptedAsAMutatielevering() throws Exception {
        RestLas.Answer answer = lasA.registreren(VERSION_10, lijst(VERSION_10, OLD, RestBodies.DOORSTROOM_V10,
                List.of(Pupil.key("lln-1", "Jansen"))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        assertThat(deliveries(VERSION_10)).containsExactly("REST/mutatielevering/" + RestLas.ROUTERINGSKENMERK + "/1");
    }

    @Test
    void anEindtoetsketenV3ListIsAStandleveringThatReplacesTheList() throws Exception {
        lasA.registreren(REPLACED, lijst(REPLACED, OLD, List.of(Pupil.key("lln-1", "Jansen"), Pupil.key("lln-2", "Visser"))));

        RestLas.Answer answer = lasA.registreren(REPLACED, lijst(REPLACED, NEW, RestBodies.EINDTOETS_V3,
                List.of(Pupil.key("lln-3", "Bakker"))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        assertThat(surnames(REPLACED)).containsExactly("lln-3 Bakker");
        assertThat(deliveries(REPLACED).get(0)).startsWith("REST/standlevering/");
    }

    @Test
    void aPupilSentOverSoapAndOverRestIsOnePupilListedAndExportedWithTheChannel() throws Exception {
        String soapKey = Bodies.pupils(BOTH_CHANNELS, 1, 1).get(0).key();
        store.deliver(BOTH_CHANNELS, Bodies.deelnemers(BOTH_CHANNELS, "2026-11-30T09:00:00",
                Bodies.pupils(BOTH_CHANNELS, 1, 2)));

        RestLas.Answer answer = lasA.registreren(BOTH_CHANNELS, lijst(BOTH_CHANNELS, NEW,
                List.of(new Pupil(soapKey, eckid('e'), "Jansen-Rest"))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        assertThat(surnames(BOTH_CHANNELS)).hasSize(2).contains(soapKey + " Jansen-Rest");
        assertThat(deliveries(BOTH_CHANNELS)).containsExactly("REST/mutatielevering/" + RestLas.ROUTERINGSKENMERK + "/2",
                "SOAP/standlevering/null/2");
        HttpResponse<String> csv = store.get("/api/participants/export?format=csv&schooljaar=" + Bodies.SCHOOLJAAR);
        assertThat(csv.body().lines().findFirst().orElseThrow()).endsWith(",kanaal");
        assertThat(csv.body().lines().filter(l -> l.startsWith(BOTH_CHANNELS + ","))).hasSize(2)
                .allMatch(l -> l.endsWith(",REST"));
    }

    @Test
    void aPupilDeliveredOverRestIsMatchedByHaalLeerresultaten() throws Exception {
        lasA.registreren(RESULTS, lijst(RESULTS, OLD, List.of(new Pupil("lln-r1", eckid('f'), "Jansen"))));
        HttpResponse<String> imported = store.post("/api/results", "application/json", """
                [{"brincode":"%s","schooljaar":"2026-2027","eckid":"%s","toetscode":"EINDTOETS-2027",
                  "afnamedatum":"2027-04-20","score":212}]""".formatted(RESULTS, eckid('f')));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        var answer = store.haal(RESULTS, Bodies.leerresultatenVerzoek(RESULTS, null));

        assertThat(answer).isInstanceOf(VerifiedResponse.class);
        Element payload = ((VerifiedResponse) answer).payload();
        String xml = xml(payload);
        assertThat(xml).contains("lln-r1").contains(eckid('f')).contains("212");
    }

    @Test
    void aListWhoseAuditRecordCannotBeWrittenIsAnswered503AndNothingOfItIsKept() throws Exception {
        String school = Oin.ofSchool(AUDIT_REFUSED).value();
        execute("ALTER TABLE audit_record ADD CONSTRAINT no_audit_97as CHECK (school_oin <> '" + school + "')");
        try {
            RestLas.Answer answer = lasA.registreren(AUDIT_REFUSED,
                    lijst(AUDIT_REFUSED, OLD, List.of(Pupil.key("lln-1", "Jansen"))));

            assertRefused(answer, 503);
            assertThat(deliveries(AUDIT_REFUSED)).isEmpty();
            assertThat(count("mandate_decision WHERE school_oin = '" + school + "'")).as("mandate decisions").isZero();
            assertThat(count("audit_record WHERE school_oin = '" + school + "'")).as("audit records").isZero();
        } finally {
            execute("ALTER TABLE audit_record DROP CONSTRAINT no_audit_97as");
        }
    }

    // --- refusals -------------------------------------------------------------------------------------------------

    @Test
    void aSenderTheSchoolHasNotMandatedIsAnswered401AndNothingIsStored() throws Exception {
        RestLas.Answer answer = RestLas.as(store.gateway(), "las-b").registreren(NOT_MANDATED,
                lijst(NOT_MANDATED, OLD, List.of(Pupil.key("lln-1", "Jansen"))));

        assertRefused(answer, 401);
        assertThat(deliveries(NOT_MANDATED)).isEmpty();
    }

    @Test
    void aTrustedCertificateWithoutAnOinIsAnswered401() throws Exception {
        RestLas.Answer answer = RestLas.as(store.gateway(), "las-no-oin").registreren(NOT_MANDATED,
                lijst(NOT_MANDATED, OLD, List.of(Pupil.key("lln-1", "Jansen"))));

        assertRefused(answer, 401);
        assertThat(answer.melding()).contains("OIN");
        assertThat(deliveries(NOT_MANDATED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"las-foreign", "las-revoked", "las-expired"})
    void aClientCertificateTheTrustRefusesGetsNoAnswerAtAll(String key) throws Exception {
        RestLas las = RestLas.as(store.gateway(), key);

        assertThatThrownBy(() -> las.registreren(ACCEPTED, lijst(ACCEPTED, OLD, List.of(Pupil.key("lln-x", "X")))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void eduToThatIsNotTheSchoolOfDeelnemersgroepIsAnswered401() throws Exception {
        RestLas.Answer answer = lasA.registreren(ACCEPTED, lijst(OTHER_SCHOOL, OLD, List.of(Pupil.key("lln-1", "Jansen"))));

        assertRefused(answer, 401);
        assertThat(answer.melding()).contains("edu-to");
        assertThat(deliveries(OTHER_SCHOOL)).isEmpty();
    }

    @Test
    void aClosedRegistrationIsAnswered403() throws Exception {
        assertRefused(lasA.registreren(CLOSED, lijst(CLOSED, OLD, List.of(Pupil.key("lln-1", "Jansen")))), 403);
        assertThat(deliveries(CLOSED)).isEmpty();
    }

    @Test
    void aSchoolNotKnownToTheSupplierIsAnswered405() throws Exception {
        assertRefused(lasA.registreren(UNREGISTERED, lijst(UNREGISTERED, OLD, List.of(Pupil.key("lln-1", "Jansen")))), 405);
    }

    @Test
    void aBsnIsAnswered422WithThePathOfTheFieldAndNoPersonalData() throws Exception {
        String body = lijst(INVALID, OLD, List.of(Pupil.key("lln-1", "Jansen")))
                .replace("\"achternaam\": \"Jansen\"", "\"achternaam\": \"Jansen\", \"bsn\": \"123456782\"");

        RestLas.Answer answer = lasA.registreren(INVALID, body);

        assertRefused(answer, 422);
        assertThat(answer.melding()).contains("/deelnemers/0/bsn").doesNotContain("123456782", "Jansen");
        assertThat(deliveries(INVALID)).isEmpty();
    }

    @Test
    void jaargroep6IsAnswered422WithItsPath() throws Exception {
        String body = lijst(INVALID, OLD, List.of(Pupil.key("lln-1", "Jansen")))
                // the pupil's level; the group's is followed by "}}"
                .replace("\"niveau\": \"8\"},", "\"niveau\": \"6\"},");

        RestLas.Answer answer = lasA.registreren(INVALID, body);

        assertRefused(answer, 422);
        assertThat(answer.melding()).contains("/deelnemers/0/niveau/niveau");
    }

    @Test
    void aLasKeyAloneBesideAnEckidOfTheSameLabelTwiceIsAnswered422() throws Exception {
        String body = lijst(INVALID, OLD, List.of(new Pupil(null, eckid('2'), "Jansen")))
                .replace("\"deelnemerref\": [{", "\"deelnemerref\": [{\"label\": \"ECK-iD\", \"onderwijsdeelnemerID\": \""
                        + eckid('3') + "\"}, {");

        RestLas.Answer answer = lasA.registreren(INVALID, body);

        assertRefused(answer, 422);
        assertThat(answer.melding()).contains("/deelnemers/0/deelnemerref/1").contains("tweede ECK-iD");
    }

    @Test
    void aPupilInAGroupThatIsNotInTheListIsAnswered422() throws Exception {
        String body = lijst(INVALID, OLD, List.of(Pupil.key("lln-1", "Jansen")))
                .replace("\"groep\": \"" + INVALID + "-grp-8\"", "\"groep\": \"elders\"");

        RestLas.Answer answer = lasA.registreren(INVALID, body);

        assertRefused(answer, 422);
        assertThat(answer.melding()).contains("/deelnemers/0/groep");
    }

    @Test
    void aBodyThatIsNoJsonIsAnswered400() throws Exception {
        assertRefused(lasA.registreren(INVALID, "<deelnemers/>"), 400);
    }

    @Test
    void aMissingEduFromIsAnswered400() throws Exception {
        RestLas.Answer answer = lasA.post("/doorstroomtoets/registreren?edu-to=" + Oin.ofSchool(INVALID).value(),
                lijst(INVALID, OLD, List.of(Pupil.key("lln-1", "Jansen"))));

        assertRefused(answer, 400);
        assertThat(answer.melding()).contains("edu-from");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnswered413BeforeTheBodyIsRead() throws Exception {
        RawHttps.Answer answer = RawHttps.as("las-a").exchange(store.gateway().baseUrl(),
                "POST /doorstroomtoets/registreren?edu-to=" + Oin.ofSchool(INVALID).value() + "&edu-from="
                        + RestLas.ROUTERINGSKENMERK + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 20000000",
                RawHttps.only("{".getBytes(StandardCharsets.US_ASCII)), Duration.ofSeconds(20));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"correlatie\"");
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsAnswered413() throws Exception {
        byte[] unit = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        RawHttps.Answer answer = RawHttps.as("las-a").exchange(store.gateway().baseUrl(),
                "POST /doorstroomtoets/registreren?edu-to=" + Oin.ofSchool(INVALID).value() + "&edu-from="
                        + RestLas.ROUTERINGSKENMERK + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nTransfer-Encoding: chunked",
                RawHttps.chunked("{\"a\":\"".getBytes(StandardCharsets.US_ASCII), unit, 12L * 1024 * 1024),
                Duration.ofSeconds(30));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
    }

    @Test
    void theMandateRegisterBeingUnreachableIsAnswered503WithRetryAfter(@TempDir Path dir) throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StoreGateway osrDown = StoreGateway.start(dir, database(dir), List.of(ACCEPTED), Map.of(
                "mandate.register", "osr", "osr.base-url", "https://127.0.0.1:" + closedPort,
                "osr.connect-timeout", "500ms"));
        try {
            osrDown.registerOpen(ACCEPTED);
            RestLas.Answer answer = RestLas.as(osrDown.gateway(), "las-a").registreren(ACCEPTED,
                    lijst(ACCEPTED, OLD, List.of(Pupil.key("lln-1", "Jansen"))));

            assertRefused(answer, 503);
            assertThat(answer.retryAfter()).isEqualTo("30");
        } finally {
            osrDown.close();
        }
    }

    @Test
    void theDatabaseBeingUnreachableIsAnswered503WithRetryAfterOnEveryPath(@TempDir Path dir) throws Exception {
        List<TcpProxy> proxies = new ArrayList<>();
        DatabaseSettings proxied = behindProxy(dir, port -> {
            TcpProxy p = new TcpProxy(port);
            proxies.add(p);
            return p;
        });
        StoreGateway dbDown = StoreGateway.start(dir, proxied, List.of(ACCEPTED), Map.of("db.connection-timeout", "1s"));
        try {
            dbDown.registerOpen(ACCEPTED);
            RestLas las = RestLas.as(dbDown.gateway(), "las-a");
            proxies.forEach(TcpProxy::cut);

            RestLas.Answer answer = las.registreren(ACCEPTED, lijst(ACCEPTED, OLD, List.of(Pupil.key("lln-1", "Jansen"))));
            RestLas.Answer advice = las.registrerenSchooladviezen(ACCEPTED, RestBodies.schooladviezen(ACCEPTED,
                    List.of(Pupil.key("lln-1", null)), List.of("VWO")));
            HttpResponse<byte[]> rapport = las.leerlingrapport(ACCEPTED, NO_SUCH_ID);

            assertRefused(answer, 503);
            assertThat(answer.retryAfter()).isEqualTo("30");
            assertRefused(advice, 503);
            assertThat(advice.retryAfter()).isEqualTo("30");
            assertThat(rapport.statusCode()).isEqualTo(503);
            assertThat(rapport.headers().firstValue("Retry-After")).hasValue("30");
        } finally {
            proxies.forEach(TcpProxy::restore);
            dbDown.close();
            for (TcpProxy p : proxies) {
                p.close();
            }
        }
    }

    // --- registreren-schooladviezen -----------------------------------------------------------------------------

    @Test
    void schoolAdviceIsStoredPerPupilAndALaterAdviceReplacesTheEarlier() throws Exception {
        Pupil withEckid = new Pupil("lln-a1", eckid('a'), "Jansen");
        Pupil keyOnly = Pupil.key("lln-a2", "Visser");
        assertThat(lasA.registreren(ADVICE, lijst(ADVICE, OLD, List.of(withEckid, keyOnly))).status()).isEqualTo(202);

        RestLas.Answer first = lasA.registrerenSchooladviezen(ADVICE, RestBodies.schooladviezen(ADVICE,
                List.of(new Pupil(null, eckid('a'), null), keyOnly), List.of("HAVO_TM_VWO", "VMBO_BB")));
        RestLas.Answer second = lasA.registrerenSchooladviezen(ADVICE, RestBodies.schooladviezen(ADVICE,
                List.of(keyOnly), List.of("VMBO_KB")));

        assertThat(first.status()).as(first.raw()).isEqualTo(202);
        assertThat(first.melding()).contains("2 leerlingen");
        assertThat(second.status()).as(second.raw()).isEqualTo(202);
        assertThat(adviezen(ADVICE)).containsExactlyInAnyOrder(eckid('a') + " HAVO_TM_VWO",
                "LAS-key:lln-a2 VMBO_KB");
        JsonNode audit = store.json("/api/audit?correlationId=" + first.correlatie()).get(0);
        assertThat(audit.get("operation").asText()).isEqualTo("registreren-schooladviezen");
        assertThat(audit.get("decision").asText()).isEqualTo("accepted");
    }

    @Test
    void adviceForAPupilNotOnTheSchoolsListIsAnswered422WithItsPathAndNothingIsStored() throws Exception {
        lasA.registreren(ADVICE, lijst(ADVICE, OLD, List.of(Pupil.key("lln-a3", "Bakker"))));

        RestLas.Answer answer = lasA.registrerenSchooladviezen(ADVICE, RestBodies.schooladviezen(ADVICE,
                List.of(Pupil.key("lln-a3", null), Pupil.key("lln-elders", null)), List.of("VWO", "VWO")));

        assertRefused(answer, 422);
        assertThat(answer.melding()).contains("/voorlopigSchooladviezen/1/deelnemerref").doesNotContain("lln-elders");
        assertThat(adviezen(ADVICE)).noneMatch(a -> a.startsWith("LAS-key:lln-a3 "));
    }

    @Test
    void anAdviceOfTheWrongFormIsAnswered422WithItsPath() throws Exception {
        RestLas.Answer answer = lasA.registrerenSchooladviezen(ADVICE, RestBodies.schooladviezen(ADVICE,
                List.of(Pupil.key("lln-a1", null)), List.of("havo/vwo")));

        assertRefused(answer, 422);
        assertThat(answer.melding()).contains("/voorlopigSchooladviezen/0/advies");
    }

    @Test
    void schoolAdviceIsRefusedLikeAListWhenUnmandatedClosedOrUnknown() throws Exception {
        List<Pupil> one = List.of(Pupil.key("lln-1", null));
        assertRefused(RestLas.as(store.gateway(), "las-b").registrerenSchooladviezen(NOT_MANDATED,
                RestBodies.schooladviezen(NOT_MANDATED, one, List.of("VWO"))), 401);
        assertRefused(lasA.registrerenSchooladviezen(ACCEPTED, RestBodies.schooladviezen(OTHER_SCHOOL, one,
                List.of("VWO"))), 401);
        assertRefused(lasA.registrerenSchooladviezen(CLOSED, RestBodies.schooladviezen(CLOSED, one,
                List.of("VWO"))), 403);
        assertRefused(lasA.registrerenSchooladviezen(UNREGISTERED, RestBodies.schooladviezen(UNREGISTERED, one,
                List.of("VWO"))), 405);
    }

    @Test
    void schoolAdviceOverTheSizeLimitIsAnswered413() throws Exception {
        RawHttps.Answer answer = RawHttps.as("las-a").exchange(store.gateway().baseUrl(),
                "POST /doorstroomtoets/registreren-schooladviezen?edu-to=" + Oin.ofSchool(ADVICE).value()
                        + "&edu-from=" + RestLas.ROUTERINGSKENMERK + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 20000000",
                RawHttps.only("{".getBytes(StandardCharsets.US_ASCII)), Duration.ofSeconds(20));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
    }

    // --- leerlingrapport -------------------------------------------------------------------------------------------

    @Test
    void everyPupilOnAListGetsItsOwnUnguessableReportId() throws Exception {
        lasA.registreren(REPORT, lijst(REPORT, OLD, List.of(new Pupil("lln-q1", eckid('c'), "Jansen"),
                Pupil.key("lln-q2", "Visser"))));

        List<String> ids = rapportIds(REPORT);

        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void aKnownPupilWithoutResultsIsAnswered204() throws Exception {
        lasA.registreren(REPORT, lijst(REPORT, OLD, List.of(new Pupil("lln-q1", eckid('c'), "Jansen"),
                Pupil.key("lln-q2", "Visser"))));

        HttpResponse<byte[]> r = lasA.leerlingrapport(REPORT, rapportId(REPORT, "lln-q2"));

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("X-Correlatie-Id")).isPresent();
    }

    @Test
    void aPupilWithAWholeTestResultIsAnswered200WithThePdf() throws Exception {
        lasA.registreren(REPORT, lijst(REPORT, OLD, List.of(new Pupil("lln-q1", eckid('c'), "Jansen"),
                Pupil.key("lln-q2", "Visser"))));
        HttpResponse<String> imported = store.post("/api/results", "application/json", """
                [{"brincode":"%s","schooljaar":"2026-2027","eckid":"%s","toetscode":"EINDTOETS-2027",
                  "afnamedatum":"2027-04-20","score":84}]""".formatted(REPORT, eckid('c')));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<byte[]> r = lasA.leerlingrapport(REPORT, rapportId(REPORT, "lln-q1"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void thePdfShowsTheNameTheSchoolWasRegisteredWithAndTheImportedLevelsAndAdvice() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        HttpResponse<String> registered = store.post("/api/schools", "application/json", """
                {"brincode":"%s","schooljaar":"%s","windowOpens":"%s","windowCloses":"%s",
                 "naam":"Basisschool De Eikenhorst"}""".formatted(REPORT_NAMED, Bodies.SCHOOLJAAR,
                today.minusDays(30), today.plusDays(30)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        lasA.registreren(REPORT_NAMED, lijst(REPORT_NAMED, OLD, List.of(new Pupil("lln-s1", eckid('e'), "Jansen"))));
        HttpResponse<String> imported = store.post("/api/results", "application/json", """
                [{"brincode":"%1$s","schooljaar":"2026-2027","eckid":"%2$s","toetscode":"EINDTOETS-2027",
                  "afnamedatum":"2027-04-20","score":84,"toetsadvies":"havo/vwo"},
                 {"brincode":"%1$s","schooljaar":"2026-2027","eckid":"%2$s","toetscode":"EINDTOETS-2027",
                  "toetsonderdeelcode":"REKENEN","afnamedatum":"2027-04-20","score":41,"referentieniveau":"1S"},
                 {"brincode":"%1$s","schooljaar":"2026-2027","eckid":"%2$s","toetscode":"EINDTOETS-2027",
                  "toetsonderdeelcode":"LEZEN","afnamedatum":"2027-04-20","score":30,"referentieniveau":"2F"}]
                """.formatted(REPORT_NAMED, eckid('e')));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<byte[]> r = lasA.leerlingrapport(REPORT_NAMED, rapportId(REPORT_NAMED, "lln-s1"));

        assertThat(r.statusCode()).isEqualTo(200);
        String text = pdfText(r.body());
        assertThat(text).contains("Basisschool De Eikenhorst (BRIN " + REPORT_NAMED + ")")
                .containsPattern("Rekenen\\s+1S").containsPattern("Lezen\\s+2F")
                .containsPattern("Toetsadvies\\s+havo/vwo");
    }

    @Test
    void anIdNoOneWasIssuedIsAnswered404() throws Exception {
        HttpResponse<byte[]> r = lasA.leerlingrapport(REPORT, NO_SUCH_ID);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"correlatie\"");
    }

    @Test
    void anIdOfAnotherSchoolsPupilIsAsUnknownAsAnIdThatDoesNotExist() throws Exception {
        lasA.registreren(REPORT_ELSEWHERE, lijst(REPORT_ELSEWHERE, OLD, List.of(Pupil.key("lln-r1", "Bakker"))));
        String elsewhere = rapportId(REPORT_ELSEWHERE, "lln-r1");

        HttpResponse<byte[]> existing = lasA.leerlingrapport(REPORT, elsewhere);
        HttpResponse<byte[]> missing = lasA.leerlingrapport(REPORT, NO_SUCH_ID);

        assertThat(existing.statusCode()).isEqualTo(404);
        assertThat(melding(existing)).isEqualTo(melding(missing));
    }

    @Test
    void aLasTheSchoolHasNotMandatedIsAnswered401ForExistingAndMissingIdsAlike() throws Exception {
        lasA.registreren(REPORT, lijst(REPORT, OLD, List.of(new Pupil("lln-q1", eckid('c'), "Jansen"),
                Pupil.key("lln-q2", "Visser"))));
        RestLas lasB = RestLas.as(store.gateway(), "las-b");

        HttpResponse<byte[]> existing = lasB.leerlingrapport(REPORT, rapportId(REPORT, "lln-q2"));
        HttpResponse<byte[]> missing = lasB.leerlingrapport(REPORT, NO_SUCH_ID);

        assertThat(existing.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(melding(existing)).isEqualTo(melding(missing));
    }

    // --- audit, log, contract ---------------------------------------------------------------------------------

    @Test
    void everyRequestIsAuditedUnderTheCorrelationIdOfItsAnswer() throws Exception {
        RestLas.Answer accepted = lasA.registreren(AUDITED, lijst(AUDITED, OLD, List.of(Pupil.key("lln-1", "Jansen"))));
        RestLas.Answer refused = RestLas.as(store.gateway(), "las-b").registreren(AUDITED,
                lijst(AUDITED, NEW, List.of(Pupil.key("lln-1", "Jansen"))));

        JsonNode first = store.json("/api/audit?correlationId=" + accepted.correlatie()).get(0);
        assertThat(first.get("operation").asText()).isEqualTo("registreren");
        assertThat(first.get("decision").asText()).isEqualTo("accepted");
        assertThat(first.get("signerOin").asText()).isEqualTo(StoreGateway.LAS_A_OIN);
        assertThat(first.get("schoolOin").asText()).isEqualTo(Oin.ofSchool(AUDITED).value());
        assertThat(first.get("bodyDigest").asText()).hasSize(64);
        JsonNode second = store.json("/api/audit?correlationId=" + refused.correlatie()).get(0);
        assertThat(second.get("decision").asText()).isEqualTo("refused");
        assertThat(second.get("faultCode").asText()).isEqualTo("Client.AutorisatieOngeldig");
    }

    @Test
    void theCorrelationIdOfAnAnswerFindsItsLineInTheLog() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger chain = (Logger) LoggerFactory.getLogger(RestPostChain.class);
        chain.addAppender(log);
        RestLas.Answer refused;
        try {
            refused = RestLas.as(store.gateway(), "las-b").registreren(AUDITED,
                    lijst(AUDITED, NEW, List.of(Pupil.key("lln-2", "Visser"))));
        } finally {
            chain.detachAppender(log);
        }

        assertThat(refused.status()).isEqualTo(401);
        assertThat(log.list).filteredOn(e -> refused.correlatie().equals(e.getMDCPropertyMap().get("correlationId")))
                .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("401"))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("Visser", "lln-2"));
    }

    @Test
    void theOpenApiDocumentIsServedOverTheSameMutualTls() throws Exception {
        HttpResponse<String> r = lasA.get("/doorstroomtoets/openapi.yaml");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3.0.3").contains("/registreren:").contains("Deelnemerslijst:");
        assertThat(r.body()).isEqualTo(Files.readString(Path.of("src/main/resources/rest/doorstroomtoets-openapi.yaml")));
    }

    @Test
    void aPathOutsideTheFrontDoorIsAnswered404AsJson() throws Exception {
        RestLas.Answer answer = lasA.post("/doorstroomtoets/leerlingrapport", "{}");

        assertRefused(answer, 404);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The status, and a JSON Ontvangstmelding with a melding and a correlation id: never a stack trace. */
    private static void assertRefused(RestLas.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.melding()).isNotBlank();
        assertThat(answer.correlatie()).isNotBlank();
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String xml(Element element) throws Exception {
        var out = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(element), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }

    /** The school's deliveries, newest first, as {@code channel/kind/edu_from/participant_count}. */
    private void execute(String sql) throws Exception {
        try (Connection c = store.gateway().database().dataSource().getConnection();
             var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String from) throws Exception {
        try (Connection c = store.gateway().database().dataSource().getConnection();
             var statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> deliveries(String brin) throws Exception {
        try (Connection c = store.gateway().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT channel, kind, edu_from, participant_count"
                     + " FROM participant_delivery WHERE brin = ? ORDER BY received_at DESC")) {
            ps.setString(1, brin);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getInt(4));
                }
            }
            return out;
        }
    }

    private static String melding(HttpResponse<byte[]> r) throws Exception {
        return Json.MAPPER.readTree(r.body()).get("melding").asText();
    }

    /** The report ids the back office lists for the school's pupils. */
    private List<String> rapportIds(String brin) throws Exception {
        JsonNode list = store.json("/api/schools/" + brin + "/" + Bodies.SCHOOLJAAR + "/participants");
        List<String> out = new ArrayList<>();
        list.get("rapporten").forEach(r -> out.add(r.get("rapportid").asText()));
        return out;
    }

    /** The text of a PDF as a reader extracts it. */
    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String rapportId(String brin, String lasKey) throws Exception {
        JsonNode list = store.json("/api/schools/" + brin + "/" + Bodies.SCHOOLJAAR + "/participants");
        for (JsonNode r : list.get("rapporten")) {
            if (lasKey.equals(r.path("key").asText())) {
                return r.get("rapportid").asText();
            }
        }
        throw new AssertionError("no report id for " + lasKey);
    }

    /** {@code <pupil_ref> <advies>} of each stored school advice of the school. */
    private List<String> adviezen(String brin) throws Exception {
        try (Connection c = store.gateway().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pupil_ref, advies FROM school_advice WHERE brin = ?")) {
            ps.setString(1, brin);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return out;
        }
    }

    /** {@code <LAS-key> <achternaam>} of each pupil of the current list, as the back office lists it. */
    private List<String> surnames(String brin) throws Exception {
        JsonNode list = store.json("/api/schools/" + brin + "/" + Bodies.SCHOOLJAAR + "/participants");
        List<String> out = new ArrayList<>();
        list.get("leerlingen").forEach(l -> out.add(l.path("key").asText() + " " + l.get("achternaam").asText()));
        return out;
    }
}
