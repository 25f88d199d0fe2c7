package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_B;
import static nl.eindtoets.gateway.mandate.DevFixtures.identity;
import static nl.eindtoets.gateway.mandate.DevFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import nl.eindtoets.gateway.mandate.MandateDecision.Outcome;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OSR path for real: the client and the cache against the simulator over mutual TLS on 127.0.0.1. */
class OsrMandateRegisterTest {

    private final MutableClock clock = new MutableClock(DevFixtures.TODAY);
    private final RecordingDecisionLog log = new RecordingDecisionLog();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private OsrSimulator simulator(String keystore) {
        OsrSimulator s = DevTls.simulator(keystore, MandateFile.readDevelopmentMandates());
        toClose.add(s);
        return s;
    }

    private CachingMandateRegister cached(OsrSimulator s, Duration negativeTtl) {
        return new CachingMandateRegister(DevTls.client(s.baseUrl(), DevTls.gatewayClient()), Duration.ofHours(1),
                negativeTtl, Duration.ZERO, 100, clock);
    }

    @Test
    void aGrantCarriesTheSourceOsrAndTheMandatesEndDate() {
        OsrSimulator osr = simulator("osr.p12");
        OsrMandateClient client = DevTls.client(osr.baseUrl(), DevTls.gatewayClient());
        MandateQuery endedDay = new MandateQuery(LAS_B, DevFixtures.school("99AA"), DevFixtures.NAMESPACE,
                LocalDate.of(2025, 7, 31));

        MandateAnswer answer = client.lookup(endedDay);

        assertThat(answer).isEqualTo(MandateAnswer.granted(LocalDate.of(2025, 7, 31), Source.OSR));
    }

    @Test
    void aSecondLookupWithinTheTimeToLiveMakesNoOsrCall() {
        OsrSimulator osr = simulator("osr.p12");
        CachingMandateRegister register = cached(osr, Duration.ofMinutes(5));

        MandateAnswer first = register.lookup(query(LAS_A, "99AA"));
        clock.advance(Duration.ofMinutes(59));
        MandateAnswer second = register.lookup(query(LAS_A, "99AA"));

        assertThat(first.source()).isEqualTo(Source.OSR);
        assertThat(second.source()).isEqualTo(Source.CACHE);
        assertThat(second.granted()).isTrue();
        assertThat(osr.requestCount()).isEqualTo(1);
    }

    @Test
    void aNegativeAnswerExpiresAfterItsTimeToLive() {
        OsrSimulator osr = simulator("osr.p12");
        CachingMandateRegister register = cached(osr, Duration.ofSeconds(30));

        register.lookup(query(LAS_A, "99AD"));
        clock.advance(Duration.ofSeconds(29));
        register.lookup(query(LAS_A, "99AD"));
        assertThat(osr.requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        MandateAnswer again = register.lookup(query(LAS_A, "99AD"));
        assertThat(again.granted()).isFalse();
        assertThat(again.source()).isEqualTo(Source.OSR);
        assertThat(osr.requestCount()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentLookupsForOneNewKeyMakeOneOsrCall() throws Exception {
        OsrSimulator osr = simulator("osr.p12");
        CachingMandateRegister register = cached(osr, Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        toClose.add(pool::shutdownNow);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MandateAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return register.lookup(query(LAS_A, "99AB"));
            }));
        }

        start.countDown();

        for (Future<MandateAnswer> f : answers) {
            assertThat(f.get(20, TimeUnit.SECONDS).granted()).isTrue();
        }
        assertThat(osr.requestCount()).isEqualTo(1);
    }

    @Test
    void osrStoppedMeansTemporarilyUnavailableAndGrantedAgainOnceItIsBack() {
        OsrSimulator osr = simulator("osr.p12");
        MandateCheck check = new MandateCheck(cached(osr, Duration.ofMinutes(5)), DevFixtures.NAMESPACE, log, clock);

        osr.stop();
        assertThatThrownBy(() -> check.check(identity(LAS_A, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class, f -> {
                    assertThat(f.code()).isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);
                    assertThat(f.digikoppelingCode()).isEqualTo("0051");
                });
        assertThat(log.last().outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(log.last().source()).isEqualTo(Source.OSR);

        osr.start();
        assertThatCode(() -> check.check(identity(LAS_A, "99AA"))).doesNotThrowAnyException();
        assertThat(log.last().outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(log.last().source()).isEqualTo(Source.OSR);
    }

    @Test
    void anOsrErrorStatusMeansTemporarilyUnavailableNeverAllowed() {
        OsrSimulator osr = simulator("osr.p12");
        osr.failWith(503);
        MandateCheck check = new MandateCheck(cached(osr, Duration.ofMinutes(5)), DevFixtures.NAMESPACE, log, clock);

        assertThatThrownBy(() -> check.check(identity(LAS_A, "99AA")))
                .isInstanceOfSatisfying(GatewayFault.class,
                        f -> assertThat(f.code()).isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR));
        assertThat(osr.requestCount()).isEqualTo(1);
    }

    @Test
    void anOsrThatAnswersTooSlowlyMeansUnavailable() {
        OsrSimulator osr = simulator("osr.p12");
        osr.delayAnswers(Duration.ofSeconds(2));
        OsrMandateClient impatient = new OsrMandateClient(osr.baseUrl(), DevTls.gatewayClient(),
                Duration.ofSeconds(2), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.lookup(query(LAS_A, "99AA")))
                .isInstanceOf(MandateRegisterUnavailableException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void refusesAnOsrWhoseCertificateDoesNotChainToTheTrustStore() {
        OsrSimulator impostor = simulator("las-foreign.p12");
        OsrMandateClient client = DevTls.client(impostor.baseUrl(), DevTls.gatewayClient());

        assertThatThrownBy(() -> client.lookup(query(LAS_A, "99AA")))
                .isInstanceOf(MandateRegisterUnavailableException.class);
        assertThat(impostor.requestCount()).isZero();
    }

    @Test
    void refusesAnOsrWhoseCertificateIsForAnotherHost() {
        // las-a's certificate chains to the trusted root but names las-a.dev.invalid, not localhost
        OsrSimulator wrongHost = simulator("las-a.p12");
        OsrMandateClient client = DevTls.client(wrongHost.baseUrl(), DevTls.gatewayClient());

        assertThatThrownBy(() -> client.lookup(query(LAS_A, "99AA")))
                .isInstanceOf(MandateRegisterUnavailableException.class);
        assertThat(wrongHost.requestCount()).isZero();
    }

    @Test
    void simulatorRefusesAClientWithoutCertificate() throws Exception {
        OsrSimulator osr = simulator("osr.p12");
        OsrMandateClient anonymous = DevTls.client(osr.baseUrl(), DevTls.clientWithoutCertificate());

        assertThatThrownBy(() -> anonymous.lookup(query(LAS_A, "99AA")))
                .isInstanceOf(MandateRegisterUnavailableException.class);
        assertThat(osr.requestCount()).isZero();
        assertThat(DevTls.client(osr.baseUrl(), DevTls.gatewayClient()).lookup(query(LAS_A, "99AA")).granted())
                .isTrue();
    }

    @Test
    void simulatorRefusesAClientCertificateFromAnUntrustedRoot() {
        OsrSimulator osr = simulator("osr.p12");
        SSLContext foreignClient = MutualTlsContext.context(DevTls.CERTS.resolve("las-foreign.p12"), DevTls.PASSWORD, null,
                DevTls.CERTS.resolve("truststore.p12"), DevTls.PASSWORD);

        assertThatThrownBy(() -> DevTls.client(osr.baseUrl(), foreignClient).lookup(query(LAS_A, "99AA")))
                .isInstanceOf(MandateRegisterUnavailableException.class);
        assertThat(osr.requestCount()).isZero();
    }

    @Test
    void simulatorAnswersBadRequestToAMalformedOin() throws Exception {
        OsrSimulator osr = simulator("osr.p12");

        HttpResponse<String> response = get(osr.baseUrl().resolve(
                "/api/v2/mandates?supplier_oin=123&school_oin=0000000700099AA00000&service_version_namespace=urn:x"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("supplier_oin");
    }

    @Test
    void simulatorAnswersBadRequestWhenAParameterIsMissing() throws Exception {
        OsrSimulator osr = simulator("osr.p12");

        HttpResponse<String> response = get(osr.baseUrl().resolve(
                "/api/v2/mandates?supplier_oin=00000099000000001000&school_oin=0000000700099AA00000"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("service_version_namespace is required");
    }

    @Test
    void simulatorAnswersNotFoundWithTheOsrMessage() throws Exception {
        OsrSimulator osr = simulator("osr.p12");

        HttpResponse<String> response = get(osr.baseUrl().resolve("/api/v2/mandates?supplier_oin=00000099000000001000"
                + "&school_oin=0000000700099AD00000&service_version_namespace=urn%3Adev%3Aosr%3Alogistiek-proces-eindtoets-po"
                + "&reference_date=2026-10-01"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"mandate not found\"}");
    }

    @Test
    void simulatorReportsHowManyMandateQueriesItReceived() throws Exception {
        OsrSimulator osr = simulator("osr.p12");
        OsrMandateClient client = DevTls.client(osr.baseUrl(), DevTls.gatewayClient());
        client.lookup(query(LAS_A, "99AA"));
        client.lookup(query(LAS_A, "99AD"));

        HttpResponse<String> stats = get(osr.baseUrl().resolve("/sim/stats"));

        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).contains("\"mandate_requests\":2");
        assertThat(osr.requestCount()).isEqualTo(2);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(DevTls.gatewayClient()).build();
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
