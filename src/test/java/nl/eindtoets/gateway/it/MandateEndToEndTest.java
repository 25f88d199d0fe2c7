package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.AUTORISATIE_ONGELDIG;
import static nl.eindtoets.gateway.it.Faults.TIJDELIJK_NIET_BESCHIKBAAR;
import static nl.eindtoets.gateway.it.Faults.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.Exchange;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.mandate.MandateFile;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.mandate.OsrSimulator;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OSR mandate check through the real gateway, once with the embedded register and once with the {@code osr}
 * register talking to the OSR simulator over mutual TLS on 127.0.0.1 (development mandates of mandates-dev.json).
 * Cache behaviour is counted at the simulator. A refused request never reaches a handler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MandateEndToEndTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;

    private OsrSimulator osr;
    private RunningGateway viaOsr;
    /** An osr gateway with a short negative TTL whose cache each test below uses for its own key only. */
    private RunningGateway isolated;

    @BeforeAll
    void start() {
        Path certs = Path.of("certs-dev");
        char[] password = RunningGateway.PASSWORD.toCharArray();
        osr = new OsrSimulator("localhost", 0,
                MutualTlsContext.context(certs.resolve("osr.p12"), password, null, certs.resolve("truststore.p12"), password),
                MandateFile.readDevelopmentMandates()).start();
        viaOsr = RunningGateway.start(osrRegister(Map.of()));
        // The per-signer rate limit would otherwise refuse part of the 50 concurrent requests from las-a.
        isolated = RunningGateway.start(osrRegister(Map.of("mandate.cache.negative-ttl", "2s",
                "limits.per-signer.requests-per-second", "1000", "limits.per-signer.burst", "100")));
    }

    @AfterAll
    void stop() {
        isolated.close();
        viaOsr.close();
        osr.close();
    }

    private Map<String, String> osrRegister(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("mandate.register", "osr");
        settings.put("osr.base-url", osr.baseUrl().toString());
        return settings;
    }

    Stream<Arguments> registers() {
        return Stream.of(
                Arguments.of(Named.of("embedded register", RunningGateway.shared())),
                Arguments.of(Named.of("OSR register via osr-sim", viaOsr)));
    }

    // --- the development mandates, with either register ------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasAIsAcceptedForBothOfItsSchools(RunningGateway gateway) throws Exception {
        int before = gateway.handlers().invocations();

        assertThat(send(gateway, "las-a", "99AA")).isInstanceOf(VerifiedResponse.class);
        assertThat(send(gateway, "las-a", "99AB")).isInstanceOf(VerifiedResponse.class);

        assertThat(gateway.handlers().invocations()).isEqualTo(before + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasBIsAcceptedForItsCurrentSchool(RunningGateway gateway) throws Exception {
        int before = gateway.handlers().invocations();

        assertThat(send(gateway, "las-b", "99AC")).isInstanceOf(VerifiedResponse.class);

        assertThat(gateway.handlers().invocations()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void refusesLasBForASchoolWhoseMandateHasEnded(RunningGateway gateway) throws Exception {
        assertRefused(gateway, "las-b", "99AA", AUTORISATIE_ONGELDIG, "0002");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void refusesLasAForASchoolThatNeverMandatedIt(RunningGateway gateway) throws Exception {
        assertRefused(gateway, "las-a", "99AD", AUTORISATIE_ONGELDIG, "0002");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void refusesAMandateWhoseStartDateLiesInTheFuture(RunningGateway gateway) throws Exception {
        assertRefused(gateway, "las-b", "99AB", AUTORISATIE_ONGELDIG, "0002");
    }

    // --- the OSR register: caching, outages, concurrency ------------------------------------------------------

    @Test
    void aSecondRequestForTheSameKeyWithinTheTtlMakesNoOsrCall() throws Exception {
        assertThat(send(viaOsr, "las-a", "99AA")).isInstanceOf(VerifiedResponse.class);
        long afterFirst = osr.requestCount();

        assertThat(send(viaOsr, "las-a", "99AA")).isInstanceOf(VerifiedResponse.class);

        assertThat(osr.requestCount()).isEqualTo(afterFirst);
    }

    @Test
    void osrStoppedIsTemporarilyUnavailableAndAcceptedAgainOnceItIsBack() throws Exception {
        EindtoetsClient las = isolated.client("las-a");
        int before = isolated.handlers().invocations();
        Exchange duringOutage;
        osr.stop();
        try {
            duringOutage = las.exchange(OP, sign(las, "99AA"));
        } finally {
            osr.start();
        }

        assertThat(duringOutage.http().status()).isEqualTo(503);
        assertFault(las.verify(duringOutage), TIJDELIJK_NIET_BESCHIKBAAR, "0051", true);
        assertThat(isolated.handlers().invocations()).isEqualTo(before);
        assertThat(send(isolated, "las-a", "99AA")).isInstanceOf(VerifiedResponse.class);
        assertThat(isolated.handlers().invocations()).isEqualTo(before + 1);
    }

    @Test
    void aRefusalIsReusedWithinTheNegativeTtlAndAskedAgainAfterIt() throws Exception {
        assertRefused(isolated, "las-a", "99AD", AUTORISATIE_ONGELDIG, "0002");
        long afterFirst = osr.requestCount();
        assertRefused(isolated, "las-a", "99AD", AUTORISATIE_ONGELDIG, "0002");
        assertThat(osr.requestCount()).as("within the negative TTL").isEqualTo(afterFirst);

        Thread.sleep(Duration.ofSeconds(2).plusMillis(300).toMillis());
        assertRefused(isolated, "las-a", "99AD", AUTORISATIE_ONGELDIG, "0002");

        assertThat(osr.requestCount()).as("after the negative TTL").isEqualTo(afterFirst + 1);
    }

    @Test
    void fiftyConcurrentRequestsForOneNewKeyMakeOneOsrCall() throws Exception {
        EindtoetsClient las = isolated.client("las-a");
        List<SignedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(sign(las, "99AB"));
        }
        int handlersBefore = isolated.handlers().invocations();
        long osrBefore = osr.requestCount();
        // A slow OSR keeps the one lookup in flight while the other requests arrive.
        osr.delayAnswers(Duration.ofMillis(500));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GatewayResponse>> answers = new ArrayList<>();
            for (SignedRequest request : requests) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return las.verify(las.exchange(OP, request));
                }));
            }
            go.countDown();
            for (Future<GatewayResponse> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isInstanceOf(VerifiedResponse.class);
            }
        } finally {
            osr.delayAnswers(Duration.ZERO);
            pool.shutdownNow();
        }

        assertThat(osr.requestCount() - osrBefore).isEqualTo(1);
        assertThat(isolated.handlers().invocations()).isEqualTo(handlersBefore + 50);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static SignedRequest sign(EindtoetsClient las, String brin) throws Exception {
        return las.signer().sign(las.envelope(OP, Oin.ofSchool(brin), Samples.body("deelnemers-" + brin)).build());
    }

    private static GatewayResponse send(RunningGateway gateway, String lasKey, String brin) throws Exception {
        return gateway.client(lasKey).send(OP, Oin.ofSchool(brin), Samples.body("deelnemers-" + brin));
    }

    private static void assertRefused(RunningGateway gateway, String lasKey, String brin,
                                      QName code, String digikoppeling) throws Exception {
        int before = gateway.handlers().invocations();

        assertFault(send(gateway, lasKey, brin), code, digikoppeling, true);

        assertThat(gateway.handlers().invocations()).as("handler invocations").isEqualTo(before);
    }
}
