package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.it.RestBodies.Pupil;
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
 * The REST front door's mandate check with the development mandates of mandates-dev.json (DESIGN §5), once with the
 * embedded register and once with the {@code osr} register asking the OSR simulator over mutual TLS: the sender must
 * hold the school's mandate for the doorstroomtoets service, whatever it holds for the SOAP service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestMandateEndToEndTest {

    private OsrSimulator osr;
    private RunningGateway embedded;
    private RunningGateway viaOsr;

    @BeforeAll
    void start() {
        Path certs = Path.of("certs-dev");
        char[] password = RunningGateway.PASSWORD.toCharArray();
        osr = new OsrSimulator("localhost", 0,
                MutualTlsContext.context(certs.resolve("osr.p12"), password, null, certs.resolve("truststore.p12"),
                        password),
                MandateFile.readDevelopmentMandates()).start();
        embedded = RunningGateway.start(Map.of());
        viaOsr = RunningGateway.start(osrRegister());
    }

    @AfterAll
    void stop() {
        viaOsr.close();
        embedded.close();
        osr.close();
    }

    Stream<Arguments> registers() {
        return Stream.of(
                Arguments.of(Named.of("embedded register", embedded)),
                Arguments.of(Named.of("OSR register via osr-sim", viaOsr)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasAIsAcceptedForBothOfItsSchools(RunningGateway gateway) throws Exception {
        assertThat(registreren(gateway, "las-a", "99AA").status()).isEqualTo(202);
        assertThat(registreren(gateway, "las-a", "99AB").status()).isEqualTo(202);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasBIsAcceptedForItsCurrentSchool(RunningGateway gateway) throws Exception {
        assertThat(registreren(gateway, "las-b", "99AC").status()).isEqualTo(202);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasBIsAnswered401ForASchoolWhoseMandateHasEnded(RunningGateway gateway) throws Exception {
        assertThat(registreren(gateway, "las-b", "99AA").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasBIsAnswered401ForAMandateThatHasNotStarted(RunningGateway gateway) throws Exception {
        assertThat(registreren(gateway, "las-b", "99AB").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registers")
    void lasAIsAnswered401ForASchoolThatNeverMandatedIt(RunningGateway gateway) throws Exception {
        assertThat(registreren(gateway, "las-a", "99AD").status()).isEqualTo(401);
    }

    @Test
    void aMandateForTheSoapServiceAloneIsAnswered401() throws Exception {
        RunningGateway otherService = RunningGateway.start(Map.of("rest.mandate.service-namespace",
                "urn:dev:osr:a-service-nobody-is-mandated-for"));
        try {
            assertThat(registreren(otherService, "las-a", "99AA").status()).isEqualTo(401);
            assertThat(otherService.client("las-a").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Samples.body("deelnemers-99AA"))).isInstanceOf(VerifiedResponse.class);
        } finally {
            otherService.close();
        }
    }

    @Test
    void osrStoppedIsAnswered503WithRetryAfterAndAcceptedOnceItIsBack() throws Exception {
        // A gateway of its own, so that no earlier answer of the OSR is in its cache.
        RunningGateway fresh = RunningGateway.start(osrRegister());
        try {
            RestLas.Answer duringOutage = whileOsrIsStopped(() -> RestLas.as(fresh, "las-a")
                    .registreren("99AB", body("99AB")));

            assertThat(duringOutage.status()).as(duringOutage.raw()).isEqualTo(503);
            assertThat(duringOutage.retryAfter()).isEqualTo("30");
            assertThat(duringOutage.correlatie()).isNotBlank();
            assertThat(registreren(fresh, "las-a", "99AB").status()).isEqualTo(202);
        } finally {
            fresh.close();
        }
    }

    @Test
    void schooladviezenWhileOsrIsStoppedAreAnswered503WithRetryAfterAndAcceptedOnceItIsBack() throws Exception {
        RunningGateway fresh = RunningGateway.start(osrRegister());
        try {
            RestLas lasA = RestLas.as(fresh, "las-a");
            List<Pupil> pupils = List.of(Pupil.key("lln-advies", "Jansen"));
            String adviezen = RestBodies.schooladviezen("99AB", pupils, List.of("HAVO_TM_VWO"));

            RestLas.Answer duringOutage = whileOsrIsStopped(() -> lasA.registrerenSchooladviezen("99AB", adviezen));

            assertThat(duringOutage.status()).as(duringOutage.raw()).isEqualTo(503);
            assertThat(duringOutage.retryAfter()).isEqualTo("30");
            assertThat(lasA.registreren("99AB", RestBodies.lijst("99AB",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), pupils)).status()).isEqualTo(202);
            assertThat(lasA.registrerenSchooladviezen("99AB", adviezen).status()).isEqualTo(202);
        } finally {
            fresh.close();
        }
    }

    @Test
    void aReportAskedForWhileOsrIsStoppedIsAnswered503WithRetryAfterBeforeTheIdIsLookedAt() throws Exception {
        RunningGateway fresh = RunningGateway.start(osrRegister());
        try {
            RestLas lasA = RestLas.as(fresh, "las-a");
            String unknownId = "A".repeat(43);

            HttpResponse<byte[]> duringOutage = whileOsrIsStopped(() -> lasA.leerlingrapport("99AB", unknownId));

            assertThat(duringOutage.statusCode()).isEqualTo(503);
            assertThat(duringOutage.headers().firstValue("Retry-After")).contains("30");
            // Once the mandate can be checked again, the id itself is judged: it belongs to no pupil.
            assertThat(lasA.leerlingrapport("99AB", unknownId).statusCode()).isEqualTo(404);
        } finally {
            fresh.close();
        }
    }

    /** What {@code call} answered while the OSR simulator was down; it is started again afterwards. */
    private <T> T whileOsrIsStopped(Callable<T> call) throws Exception {
        osr.stop();
        try {
            return call.call();
        } finally {
            osr.start();
        }
    }

    private Map<String, String> osrRegister() {
        return Map.of("mandate.register", "osr", "osr.base-url", osr.baseUrl().toString(),
                "osr.connect-timeout", "500ms");
    }

    private static RestLas.Answer registreren(RunningGateway gateway, String las, String brin) throws Exception {
        RestLas.Answer answer = RestLas.as(gateway, las).registreren(brin, body(brin));
        assertThat(answer.correlatie()).as(answer.raw()).isNotBlank();
        return answer;
    }

    /** A list of one pupil, made now, so that no earlier list of the school is newer. */
    private static String body(String brin) {
        return RestBodies.lijst(brin, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                List.of(Pupil.key("lln-" + brin, "Jansen")));
    }
}
