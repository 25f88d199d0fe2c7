package nl.eindtoets.gateway.lassim;

import static nl.eindtoets.gateway.lassim.LasSimTls.clientAs;
import static nl.eindtoets.gateway.lassim.LasSimTls.get;
import static nl.eindtoets.gateway.lassim.LasSimTls.post;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.JSON;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.ROUTERINGSKENMERK;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SCHOOL_99AA;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SCHOOL_99AB;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.SUPPLIER_OIN;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.text;
import static nl.eindtoets.gateway.lassim.Leerlingresultaten.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** las-sim over real mutual TLS: las-a serves, the supplier (gateway.p12) delivers with the JDK HttpClient. */
class LasSimulatorTest {

    @TempDir
    Path dir;

    private LasSimulator las;
    private HttpClient supplier;

    private LasSimulator start(Set<String> knownSchools, Path directory) {
        return new LasSimulator("127.0.0.1", 0, LasSimTls.lasA(), Set.of(new Oin(SUPPLIER_OIN)), knownSchools,
                new ReceivedResults(100, directory), Clock.systemUTC()).start();
    }

    @BeforeEach
    void startLasA() throws Exception {
        las = start(Set.of(), null);
        supplier = clientAs("gateway.p12");
    }

    @AfterEach
    void stop() {
        las.stop();
    }

    private HttpResponse<String> deliver(JsonNode body) throws Exception {
        return post(supplier, las.baseUrl(), ROUTERINGSKENMERK, SCHOOL_99AA, text(body));
    }

    private static String melding(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("melding").asText();
    }

    @Test
    void aValidResultFromTheSupplierIsAcceptedWith202() throws Exception {
        HttpResponse<String> response = deliver(valid());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(melding(response)).isEqualTo("Leerlingresultaat ontvangen.");
    }

    @Test
    void anAcceptedResultIsKeptWithItsAddressingAndSender() throws Exception {
        deliver(valid());

        List<ReceivedResult> received = las.received().all();
        assertThat(received).hasSize(1);
        ReceivedResult r = received.get(0);
        assertThat(r.eduTo()).isEqualTo(ROUTERINGSKENMERK);
        assertThat(r.eduFrom()).isEqualTo(SCHOOL_99AA);
        assertThat(r.supplierOin()).isEqualTo(new Oin(SUPPLIER_OIN));
        assertThat(r.body()).isEqualTo(valid());
    }

    @Test
    void anInvalidBodyIsRefusedWith422NamingThePathOfTheFirstErrorAndIsNotKept() throws Exception {
        ObjectNode body = valid();
        ((ObjectNode) body.get("resultatenscores")).remove("toetsdefinitie");

        HttpResponse<String> response = deliver(body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(melding(response)).startsWith("Ongeldige inhoud in /resultatenscores/toetsdefinitie:");
        assertThat(las.received().all()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith422() throws Exception {
        HttpResponse<String> response = post(supplier, las.baseUrl(), ROUTERINGSKENMERK, SCHOOL_99AA, "{\"datumtijd\":");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(melding(response)).isEqualTo("Ongeldige inhoud in /: geen JSON.");
    }

    @Test
    void anEduToThatIsNotTwentyLettersOrDigitsIsRefusedWith422() throws Exception {
        HttpResponse<String> response = post(supplier, las.baseUrl(), "LASA-kort", SCHOOL_99AA, text(valid()));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(melding(response)).startsWith("Ongeldige inhoud in ?edu-to:");
    }

    @Test
    void aClientWhoseOinIsNotAnAcceptedSupplierIsRefusedWith401AndNothingIsKept() throws Exception {
        HttpResponse<String> response = post(clientAs("las-b.p12"), las.baseUrl(), ROUTERINGSKENMERK, SCHOOL_99AA,
                text(valid()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(las.received().all()).isEmpty();
    }

    @Test
    void aClientWithoutACertificateCannotConnect() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(withoutKey()).build();

        assertThatThrownBy(() -> post(anonymous, las.baseUrl(), ROUTERINGSKENMERK, SCHOOL_99AA, text(valid())))
                .isInstanceOf(IOException.class);
        assertThat(las.received().all()).isEmpty();
    }

    @Test
    void toldToFailTwiceWith503ItAnswers503TwiceAndThenAccepts() throws Exception {
        las.failNext(503, 2);

        assertThat(deliver(valid()).statusCode()).isEqualTo(503);
        assertThat(deliver(valid()).statusCode()).isEqualTo(503);
        assertThat(deliver(valid()).statusCode()).isEqualTo(202);
        assertThat(las.received().all()).hasSize(1);
        assertThat(las.answered(503)).isEqualTo(2);
    }

    @Test
    void failuresCanBeScriptedOverTheAdminEndpoint() throws Exception {
        HttpResponse<String> scripted = supplier.send(HttpRequest.newBuilder(
                        las.baseUrl().resolve("/sim/fail-next?status=503&count=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(deliver(valid()).statusCode()).isEqualTo(503);
        assertThat(deliver(valid()).statusCode()).isEqualTo(202);
    }

    @Test
    void aSchoolTheLasDoesNotAdministerIsAnswered405() throws Exception {
        las.stop();
        las = start(Set.of(SCHOOL_99AA), null);

        HttpResponse<String> response = post(supplier, las.baseUrl(), ROUTERINGSKENMERK, SCHOOL_99AB, text(valid()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(melding(response)).isEqualTo("School onbekend bij de ontvanger.");
    }

    @Test
    void whatArrivedIsListedOverGetSimReceived() throws Exception {
        deliver(valid());

        JsonNode list = JSON.readTree(get(supplier, las.baseUrl(), "/sim/received").body());

        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("edu-from").asText()).isEqualTo(SCHOOL_99AA);
        assertThat(list.get(0).path("leerlingresultaat")).isEqualTo(valid());
    }

    @Test
    void withADirectoryEveryAcceptedResultIsWrittenThereAsJson() throws Exception {
        las.stop();
        las = start(Set.of(), dir);

        deliver(valid());

        try (Stream<Path> files = Files.list(dir)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(1);
            assertThat(written.get(0).toString()).endsWith(".json");
            assertThat(JSON.readTree(written.get(0).toFile()).path("leerlingresultaat")).isEqualTo(valid());
        }
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() throws Exception {
        String big = "{\"auteur\":\"" + "x".repeat(LasSimulator.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = post(supplier, las.baseUrl(), ROUTERINGSKENMERK, SCHOOL_99AA, big);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefusedWith415() throws Exception {
        HttpResponse<String> response = supplier.send(HttpRequest.newBuilder(las.baseUrl().resolve(
                        "/leerlingresultaat?edu-to=" + ROUTERINGSKENMERK + "&edu-from=" + SCHOOL_99AA))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text(valid()))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
    }

    private static javax.net.ssl.SSLContext withoutKey() throws Exception {
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(LasSimTls.CERTS.resolve("truststore.p12"))) {
            trust.load(in, LasSimTls.PASSWORD);
        }
        tmf.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new ServerOinTrustManager(
                (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0], LasSimTls.LAS_A)}, null);
        return context;
    }
}
