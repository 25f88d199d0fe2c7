package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Bodies.deelnemers;
import static nl.eindtoets.gateway.it.Bodies.keys;
import static nl.eindtoets.gateway.it.Bodies.pupils;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.DatabaseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * BrengDeelnemers over the real gateway (signed SOAP over mutual TLS) into the store, read back by the supplier
 * through the back office API, the CLI and the audit log. One gateway per class on the store the subclass gives;
 * every test works on a school of its own, so the tests do not depend on each other or their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryEndToEndCases {

    private static final String READABLE = "98AA";
    private static final String EXPORTED = "98AB";
    private static final String REPLACED = "98AC";
    private static final String OLDER = "98AD";
    private static final String CLOSED = "98AE";
    private static final String DUPLICATE = "98AF";
    private static final String REUSED_ID = "98AG";
    private static final String CONCURRENT = "98AH";
    private static final String AUDITED = "98AJ";
    private static final String KEY_TWICE = "98AK";
    /** Mandated for las-a but never registered. */
    private static final String UNREGISTERED = "99AD";
    /** Registered; only ever sent the unsupported-xsdversie sample. */
    private static final String XSD_SAMPLE = "99AA";

    StoreGateway store;

    /** The store this class's gateway runs on. */
    abstract DatabaseSettings database(Path dir);

    @BeforeAll
    void startGateway(@TempDir Path dir) throws Exception {
        store = StoreGateway.start(dir, database(dir), List.of(READABLE, EXPORTED, REPLACED, OLDER, CLOSED, DUPLICATE,
                REUSED_ID, CONCURRENT, AUDITED, KEY_TWICE, UNREGISTERED, XSD_SAMPLE));
        store.registerOpen(READABLE, EXPORTED, REPLACED, OLDER, DUPLICATE, REUSED_ID, CONCURRENT, AUDITED, KEY_TWICE,
                XSD_SAMPLE);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        store.register(CLOSED, today.minusDays(60), today.minusDays(1));
    }

    @AfterAll
    void stopGateway() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void deliveryIsReadableThroughTheBackOfficeApi() throws Exception {
        var sent = pupils(READABLE, 1, 3);

        String ontvangstid = store.deliver(READABLE, deelnemers(READABLE, "2026-11-20T09:00:00", sent));

        JsonNode list = store.json("/api/schools/" + READABLE + "/2026-2027/participants");
        assertThat(list.get("ontvangstid").asText()).isEqualTo(ontvangstid);
        assertThat(list.get("signerOin").asText()).isEqualTo(StoreGateway.LAS_A_OIN);
        assertThat(list.get("aantalDeelnemers").asInt()).isEqualTo(3);
        assertThat(list.get("leerlingen")).extracting(l -> l.get("key").asText()).containsExactlyElementsOf(keys(sent));
        assertThat(list.get("leerlingen")).extracting(l -> l.get("achternaam").asText())
                .containsExactlyElementsOf(sent.stream().map(Bodies.Pupil::achternaam).toList());
    }

    @Test
    void deliveryIsExportedByTheCliAsJsonAndCsv() throws Exception {
        var sent = pupils(EXPORTED, 1, 4);
        String ontvangstid = store.deliver(EXPORTED, deelnemers(EXPORTED, "2026-11-20T09:00:00", sent));

        StoreGateway.CliRun json = store.cli("participants", "export", "--format", "json", "--schooljaar", "2026-2027");
        StoreGateway.CliRun csv = store.cli("participants", "export", "--format", "csv", "--schooljaar", "2026-2027");

        assertThat(json.exitCode()).isZero();
        List<String> jsonKeys = new ArrayList<>();
        for (JsonNode row : Json.MAPPER.readTree(json.stdout())) {
            if (row.get("brincode").asText().equals(EXPORTED)) {
                assertThat(row.get("ontvangstid").asText()).isEqualTo(ontvangstid);
                jsonKeys.add(row.get("leerlingkey").asText());
            }
        }
        assertThat(jsonKeys).containsExactlyElementsOf(keys(sent));

        assertThat(csv.exitCode()).isZero();
        List<String> lines = csv.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("brincode,dependancecode,schooljaar,ontvangstid,leerlingkey");
        List<String> csvKeys = lines.stream().filter(l -> l.startsWith(EXPORTED + ",00,2026-2027," + ontvangstid + ","))
                .map(l -> l.split(",", -1)[4]).toList();
        assertThat(csvKeys).containsExactlyElementsOf(keys(sent));
    }

    @Test
    void secondDeliveryReplacesTheFirst() throws Exception {
        var first = pupils(REPLACED, 1, 4);
        var second = pupils(REPLACED, 10, 2);

        store.deliver(REPLACED, deelnemers(REPLACED, "2026-11-20T09:00:00", first));
        String secondId = store.deliver(REPLACED, deelnemers(REPLACED, "2026-11-21T09:00:00", second));

        assertThat(store.currentKeys(REPLACED)).containsExactlyElementsOf(keys(second));
        assertThat(store.json("/api/schools/" + REPLACED + "/2026-2027/participants").get("ontvangstid").asText())
                .isEqualTo(secondId);
        assertThat(store.storedDeliveries(REPLACED)).as("the first is kept, superseded").isEqualTo(2);
    }

    @Test
    void olderDeliveryIsRefusedAndTheStoredListIsUnchanged() throws Exception {
        var current = pupils(OLDER, 1, 3);
        store.deliver(OLDER, deelnemers(OLDER, "2026-11-21T09:00:00", current));

        GatewayResponse older = store.bring(OLDER, deelnemers(OLDER, "2026-11-20T09:00:00", pupils(OLDER, 20, 5)));

        SoapFaultInfo fault = Faults.assertFault(older, Faults.ONGELDIG_BERICHT, "0004", true);
        assertThat(fault.faultString()).contains("aanmaakdatum");
        assertThat(store.currentKeys(OLDER)).containsExactlyElementsOf(keys(current));
        assertThat(store.storedDeliveries(OLDER)).isEqualTo(1);
    }

    @Test
    void listWithAPupilKeyTwiceIsRefusedWithOngeldigBerichtAndNothingIsStored() throws Exception {
        var pupils = new java.util.ArrayList<>(pupils(KEY_TWICE, 1, 3));
        pupils.add(new Bodies.Pupil(pupils.get(0).key(), "Dubbel"));

        GatewayResponse response = store.bring(KEY_TWICE, deelnemers(KEY_TWICE, "2026-11-20T09:00:00", pupils));

        SoapFaultInfo fault = Faults.assertFault(response, Faults.ONGELDIG_BERICHT, "0004", true);
        assertThat(fault.faultString()).contains("leerling[4]/@key").contains("komt al eerder in het bericht voor");
        assertThat(store.storedDeliveries(KEY_TWICE)).isZero();
    }

    @Test
    void mandatedButUnregisteredSchoolIsRefusedWithSchoolOnbekend() throws Exception {
        GatewayResponse response = store.bring(UNREGISTERED,
                deelnemers(UNREGISTERED, "2026-11-20T09:00:00", pupils(UNREGISTERED, 1, 2)));

        Faults.assertFault(response, Faults.soap("Client.SchoolOnbekend"), null, true);
        assertThat(store.storedDeliveries(UNREGISTERED)).isZero();
        assertThat(store.currentKeys(UNREGISTERED)).isEmpty();
    }

    @Test
    void deliveryOutsideTheRegistrationWindowIsRefusedWithInschrijvingGesloten() throws Exception {
        GatewayResponse response = store.bring(CLOSED, deelnemers(CLOSED, "2026-11-20T09:00:00", pupils(CLOSED, 1, 2)));

        Faults.assertFault(response, Faults.soap("Client.InschrijvingGesloten"), null, true);
        assertThat(store.storedDeliveries(CLOSED)).isZero();
        assertThat(store.currentKeys(CLOSED)).isEmpty();
    }

    @Test
    void unsupportedXsdVersionIsRefusedWithXsdVersieOngeldig() throws Exception {
        GatewayResponse response = store.bring(XSD_SAMPLE, Samples.body("deelnemers-99AA-xsdversie-9.9"));

        Faults.assertFault(response, Faults.soap("Client.XsdVersieOngeldig"), null, true);
        assertThat(store.storedDeliveries(XSD_SAMPLE)).isZero();
        assertThat(store.currentKeys(XSD_SAMPLE)).isEmpty();
    }

    @Test
    void identicalRepeatGetsTheOriginalReceiptAndIsNotStoredAgain() throws Exception {
        EindtoetsClient las = store.gateway().client("las-a");
        Element body = deelnemers(DUPLICATE, "2026-11-20T09:00:00", pupils(DUPLICATE, 1, 3));
        String messageId = "urn:uuid:" + UUID.randomUUID();

        // Each send signs the envelope anew: a fresh Timestamp and signature, so it is no replay of the first.
        String first = StoreGateway.ontvangstid(las.send(Operation.BRENG_DEELNEMERS, envelope(las, DUPLICATE, body,
                messageId)));
        String repeat = StoreGateway.ontvangstid(las.send(Operation.BRENG_DEELNEMERS, envelope(las, DUPLICATE, body,
                messageId)));

        assertThat(repeat).isEqualTo(first);
        assertThat(store.storedDeliveries(DUPLICATE)).isEqualTo(1);
        assertThat(store.currentKeys(DUPLICATE)).containsExactlyElementsOf(keys(pupils(DUPLICATE, 1, 3)));
    }

    @Test
    void sameMessageIdWithAnotherBodyIsRefusedWithOngeldigBericht() throws Exception {
        EindtoetsClient las = store.gateway().client("las-a");
        String messageId = "urn:uuid:" + UUID.randomUUID();
        var original = pupils(REUSED_ID, 1, 3);
        StoreGateway.ontvangstid(las.send(Operation.BRENG_DEELNEMERS, envelope(las, REUSED_ID,
                deelnemers(REUSED_ID, "2026-11-20T09:00:00", original), messageId)));

        GatewayResponse other = las.send(Operation.BRENG_DEELNEMERS, envelope(las, REUSED_ID,
                deelnemers(REUSED_ID, "2026-11-21T09:00:00", pupils(REUSED_ID, 5, 2)), messageId));

        Faults.assertFault(other, Faults.ONGELDIG_BERICHT, "0004", true);
        assertThat(store.storedDeliveries(REUSED_ID)).isEqualTo(1);
        assertThat(store.currentKeys(REUSED_ID)).containsExactlyElementsOf(keys(original));
    }

    @Test
    void concurrentDeliveriesForOneSchoolEndWithExactlyOneCompleteList() throws Exception {
        int threads = 6;
        List<List<String>> sentLists = new ArrayList<>();
        List<Element> bodies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            var list = pupils(CONCURRENT, 100 * (i + 1), 3 + i);
            sentLists.add(keys(list));
            bodies.add(deelnemers(CONCURRENT, "2026-11-20T09:0" + i + ":00", list));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<GatewayResponse>> answers = new ArrayList<>();
            for (Element body : bodies) {
                EindtoetsClient las = store.gateway().client("las-a");
                answers.add(pool.submit(() -> {
                    start.await();
                    return las.send(Operation.BRENG_DEELNEMERS, Oin.ofSchool(CONCURRENT), body);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<GatewayResponse> answer : answers) {
                GatewayResponse r = answer.get(60, TimeUnit.SECONDS);
                if (r instanceof VerifiedResponse) {
                    accepted++;
                } else {
                    // A delivery that lost the race to a newer one is refused as older; nothing else is acceptable.
                    Faults.assertFault(r, Faults.ONGELDIG_BERICHT, "0004", true);
                }
            }
            assertThat(accepted).as("at least the newest delivery is accepted").isPositive();
            assertThat(store.storedDeliveries(CONCURRENT)).isEqualTo(accepted);
        } finally {
            pool.shutdownNow();
        }

        List<String> current = store.currentKeys(CONCURRENT);
        assertThat(sentLists).as("the stored list is one of the sent lists, whole").contains(current);
        // Whatever the order, the newest delivery is never refused and everything after it is older.
        assertThat(current).as("the newest delivery's list").isEqualTo(sentLists.get(threads - 1));
        assertThat(store.json("/api/schools/" + CONCURRENT + "/2026-2027/participants").get("aantalDeelnemers").asInt())
                .isEqualTo(current.size());
    }

    @Test
    void auditLogHoldsOneRecordPerRequestWithTheFaultsCorrelationIdAndNoPersonalData() throws Exception {
        var current = pupils(AUDITED, 1, 4);
        String ontvangstid = store.deliver(AUDITED, deelnemers(AUDITED, "2026-11-21T09:00:00", current));
        SoapFaultInfo refused = (SoapFaultInfo) store.bring(AUDITED,
                deelnemers(AUDITED, "2026-11-20T09:00:00", pupils(AUDITED, 7, 2)));
        assertThat(ontvangstid).isNotBlank();

        JsonNode bySchool = store.json("/api/audit?schoolOin=" + Oin.ofSchool(AUDITED).value());
        JsonNode byCorrelation = store.json("/api/audit?correlationId=" + refused.correlationId());
        JsonNode everything = store.json("/api/audit?limit=1000");

        assertThat(bySchool).hasSize(2);
        assertThat(bySchool).extracting(r -> r.get("decision").asText()).containsExactlyInAnyOrder("refused", "accepted");
        assertThat(byCorrelation).hasSize(1);
        JsonNode record = byCorrelation.get(0);
        assertThat(record.get("faultCode").asText()).isEqualTo("Client.OngeldigBericht");
        assertThat(record.get("operation").asText()).isEqualTo("BrengDeelnemers");
        assertThat(record.get("signerOin").asText()).isEqualTo(StoreGateway.LAS_A_OIN);
        assertThat(record.get("schoolOin").asText()).isEqualTo(Oin.ofSchool(AUDITED).value());
        assertThat(record.get("bodyDigest").asText()).matches("[0-9a-f]{64}");
        Set<String> personal = new HashSet<>(Bodies.SURNAMES);
        personal.add("Kim");
        for (JsonNode r : everything) {
            r.fields().forEachRemaining(f -> assertThat(f.getValue().asText())
                    .as("audit field %s", f.getKey()).doesNotContain(personal));
        }
        assertThat(everything.toString()).doesNotContain(personal).doesNotContain(current.get(0).key());
    }

    private static Document envelope(EindtoetsClient las, String brin, Element body, String messageId) {
        return las.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool(brin), body).messageId(messageId).build();
    }
}
