package nl.eindtoets.gateway.push;

import static nl.eindtoets.gateway.push.DevOsr.NAMESPACE;
import static nl.eindtoets.gateway.push.DevOsr.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.mandate.MandateFile;
import nl.eindtoets.gateway.mandate.MutableClock;
import nl.eindtoets.gateway.mandate.OsrEndpoint;
import nl.eindtoets.gateway.mandate.OsrSimulator;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.simulator.MutualTlsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OSR endpoint lookup for real: the client (and its cache) against osr-sim over mutual TLS on localhost. */
class OsrLasEndpointsTest {

    private static final String RK_99AA = "RK0000000000000099AA";
    private static final Oin SCHOOL_99AA = Oin.ofSchool("99AA");
    /** 2026-10-01, within the school year every test endpoint but the ended one holds. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T10:00:00Z"));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private OsrSimulator osr(OsrEndpoint... endpoints) {
        OsrSimulator s = DevOsr.simulator(List.of(endpoints));
        toClose.add(s);
        return s;
    }

    private OsrLasEndpoints client(URI baseUrl) {
        return new OsrLasEndpoints(DevOsr.connection(baseUrl), NAMESPACE, clock);
    }

    @Test
    void anEndpointTheOsrKnowsIsFoundWithItsUrlAndSourceOsr() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example/eindtoets"));

        Optional<LasEndpoint> found = client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA);

        assertThat(found).contains(new LasEndpoint(RK_99AA, URI.create("https://las-a.example/eindtoets"), "osr"));
    }

    @Test
    void theDevelopmentEndpointsOfOsrSimPointAtLasSim() {
        OsrSimulator osr = new OsrSimulator("localhost", 0, DevOsr.tls("osr.p12", null),
                MandateFile.readDevelopmentContents()).start();
        toClose.add(osr);

        Optional<LasEndpoint> found = client(osr.baseUrl()).find("RK0000000000000099AC", Oin.ofSchool("99AC"));

        assertThat(found).map(LasEndpoint::baseUrl).contains(URI.create("https://localhost:8445"));
    }

    @Test
    void anUnknownRoutingIdIsEmpty() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example"));

        Optional<LasEndpoint> found = client(osr.baseUrl()).find("RK00000000000000XXXX", SCHOOL_99AA);

        assertThat(found).isEmpty();
        assertThat(osr.endpointRequestCount()).isEqualTo(1);
    }

    @Test
    void anEndpointThatEndedIsNotReturned() {
        OsrSimulator osr = osr(new OsrEndpoint(RK_99AA, SCHOOL_99AA, NAMESPACE, URI.create("https://las-a.example"),
                LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31)));

        assertThat(client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA)).isEmpty();
    }

    @Test
    void anEndpointOfAnotherServiceIsNotReturned() {
        OsrSimulator osr = osr(new OsrEndpoint(RK_99AA, SCHOOL_99AA, "urn:dev:osr:another-service",
                URI.create("https://las-a.example"), LocalDate.of(2025, 8, 1), null));

        assertThat(client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA)).isEmpty();
    }

    @Test
    void anEndpointOfAnotherSchoolIsNotUsed() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AB", "https://las-a.example"));

        assertThat(client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA)).isEmpty();
        assertThat(osr.endpointRequestCount()).isEqualTo(1);
    }

    @Test
    void anEndpointWithoutHttpsIsNotUsed() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "http://las-a.example/eindtoets"));

        assertThat(client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA)).isEmpty();
    }

    @Test
    void osrStoppedMeansUnavailable() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example"));
        OsrLasEndpoints client = client(osr.baseUrl());
        osr.stop();

        assertThatThrownBy(() -> client.find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class).hasMessageContaining("OSR not reachable");
    }

    @Test
    void anOsrServerErrorMeansUnavailable() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example"));
        osr.failWith(503);

        assertThatThrownBy(() -> client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void anOsrThatAnswersTooSlowlyMeansUnavailable() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example"));
        osr.delayAnswers(Duration.ofSeconds(3)); // the connection allows 2 s

        assertThatThrownBy(() -> client(osr.baseUrl()).find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class);
    }

    @Test
    void anOsrWithAnUntrustedCertificateMeansUnavailable() {
        OsrSimulator foreign = new OsrSimulator("localhost", 0, DevOsr.tls("las-foreign.p12", null), List.of(),
                List.of(endpoint(RK_99AA, "99AA", "https://las-a.example")), clock).start();
        toClose.add(foreign);

        assertThatThrownBy(() -> client(foreign.baseUrl()).find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class);
        assertThat(foreign.endpointRequestCount()).isZero();
    }

    @Test
    void anAnswerThatIsNotJsonMeansUnavailable() {
        URI base = fakeOsr(200, "<html>maintenance</html>");

        assertThatThrownBy(() -> client(base).find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class).hasMessageContaining("not JSON");
    }

    @Test
    void anEndpointWithoutUrlMeansUnavailable() {
        URI base = fakeOsr(200, "{\"routing_id\":\"" + RK_99AA + "\",\"school_oin\":\"" + SCHOOL_99AA.value() + "\"}");

        assertThatThrownBy(() -> client(base).find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class).hasMessageContaining("lacks url");
    }

    @Test
    void aHalListOfEndpointsIsReadAndAnEmptyOneIsNone() {
        URI one = fakeOsr(200, "{\"_embedded\":{\"endpoints\":[{\"routing_id\":\"" + RK_99AA + "\",\"school_oin\":\""
                + SCHOOL_99AA.value() + "\",\"url\":\"https://las-a.example\",\"start_date\":\"2025-08-01\"}]}}");
        URI none = fakeOsr(200, "{\"_embedded\":{\"endpoints\":[]}}");

        assertThat(client(one).find(RK_99AA, SCHOOL_99AA)).map(LasEndpoint::baseUrl)
                .contains(URI.create("https://las-a.example"));
        assertThat(client(none).find(RK_99AA, SCHOOL_99AA)).isEmpty();
    }

    @Test
    void aFoundEndpointIsReusedWithinItsTimeToLiveAndAskedAgainAfter() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example"));
        LasEndpoints cached = new CachingLasEndpoints(client(osr.baseUrl()), Duration.ofMinutes(10),
                Duration.ofMinutes(1), 100, clock);

        LasEndpoint first = cached.find(RK_99AA, SCHOOL_99AA).orElseThrow();
        clock.advance(Duration.ofMinutes(9));
        LasEndpoint second = cached.find(RK_99AA, SCHOOL_99AA).orElseThrow();
        assertThat(second).isEqualTo(first);
        assertThat(osr.endpointRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        cached.find(RK_99AA, SCHOOL_99AA);
        assertThat(osr.endpointRequestCount()).isEqualTo(2);
    }

    @Test
    void noneIsReusedForTheNegativeTimeToLiveOnly() {
        OsrSimulator osr = osr();
        LasEndpoints cached = new CachingLasEndpoints(client(osr.baseUrl()), Duration.ofMinutes(10),
                Duration.ofMinutes(1), 100, clock);

        cached.find(RK_99AA, SCHOOL_99AA);
        clock.advance(Duration.ofSeconds(59));
        cached.find(RK_99AA, SCHOOL_99AA);
        assertThat(osr.endpointRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(cached.find(RK_99AA, SCHOOL_99AA)).isEmpty();
        assertThat(osr.endpointRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailureIsNotKeptSoTheEndpointIsFoundOnceTheOsrIsBack() {
        OsrSimulator osr = osr(endpoint(RK_99AA, "99AA", "https://las-a.example"));
        LasEndpoints cached = new CachingLasEndpoints(client(osr.baseUrl()), Duration.ofMinutes(10),
                Duration.ofMinutes(1), 100, clock);
        osr.failWith(503);
        assertThatThrownBy(() -> cached.find(RK_99AA, SCHOOL_99AA))
                .isInstanceOf(LasEndpointsUnavailableException.class);

        osr.failWith(0);

        assertThat(cached.find(RK_99AA, SCHOOL_99AA)).isPresent();
        assertThat(osr.endpointRequestCount()).isEqualTo(2);
    }

    /** An HTTPS peer with the OSR's certificate that answers every request with {@code status} and {@code body}. */
    private URI fakeOsr(int status, String body) {
        MutualTlsServer server = new MutualTlsServer("fake-osr", "localhost", 0, DevOsr.tls("osr.p12", null));
        HttpHandler handler = exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
        server.start(Map.of("/", handler));
        toClose.add(server::stop);
        return server.baseUrl();
    }
}
