package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.ResponseVerificationException;
import nl.eindtoets.gateway.devpki.Validity;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation that revokes: a CRL published while the gateway runs takes effect within one check interval, whether
 * it arrives as a file or from a distribution point, and a CRL past its nextUpdate makes its CA's certificates fail.
 */
class RevocationTest {

    private static final Duration CHECK = Duration.ofMillis(500);
    private final TestPki pki = TestPki.shared();

    @TempDir
    Path dir;

    @Test
    void crlFileRevokingLasAWhileRunningRefusesItsNextRequest() throws Exception {
        pki.writeTo(dir);
        try (Node node = Node.start(settings(TestPki.gatewaySettings(dir)))) {
            EindtoetsClient lasA = node.client(dir.resolve("las-a.p12"), dir.resolve("truststore.p12"));
            EindtoetsClient lasB = node.client(dir.resolve("las-b.p12"), dir.resolve("truststore.p12"));
            assertThat(haal(lasA)).isEqualTo("accepted");

            Instant revoked = Instant.now();
            pki.writeTspCrl(dir.resolve("crl/tsp.crl"), List.of(pki.lasA), day());
            String refusal = awaitRefusal(lasA, Duration.ofSeconds(10));
            Duration took = Duration.between(revoked, Instant.now());

            System.out.printf("revocation by CRL file: las-a refused after %d ms (%s)%n", took.toMillis(), refusal);
            assertThat(refusal).isIn("TLS refused", "FailedAuthentication");
            assertThat(took).isLessThan(CHECK.multipliedBy(6));
            assertThat(deliver(lasB, "99AC")).isEqualTo("accepted");
        }
    }

    @Test
    void crlFromDistributionPointRevokingLasAIsAppliedWithinTheRefreshInterval() throws Exception {
        pki.writeTo(dir);
        AtomicReference<byte[]> published = new AtomicReference<>(pki.tspCrl(List.of(), day()));
        HttpServer crlServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        crlServer.createContext("/tsp.crl", ex -> {
            byte[] body = published.get();
            ex.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        crlServer.start();
        try {
            Map<String, String> s = settings(TestPki.gatewaySettings(dir));
            s.put("trust.crl.files", dir.resolve("crl/root.crl") + "," + dir.resolve("crl/domain.crl"));
            s.put("trust.crl.urls", "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/tsp.crl");
            s.put("trust.crl.refresh-interval", "1s");
            try (Node node = Node.start(s)) {
                EindtoetsClient lasA = node.client(dir.resolve("las-a.p12"), dir.resolve("truststore.p12"));
                assertThat(haal(lasA)).isEqualTo("accepted");

                Instant revoked = Instant.now();
                published.set(pki.tspCrl(List.of(pki.lasA), day()));
                String refusal = awaitRefusal(lasA, Duration.ofSeconds(10));

                System.out.printf("revocation by distribution point: las-a refused after %d ms (%s)%n",
                        Duration.between(revoked, Instant.now()).toMillis(), refusal);
                assertThat(refusal).isIn("TLS refused", "FailedAuthentication");
            }
        } finally {
            crlServer.stop(0);
        }
    }

    @Test
    void expiredCrlFailsClosedAndIsReportedUntilAFreshOneArrives() throws Exception {
        pki.writeTo(dir);
        try (Node node = Node.start(settings(TestPki.gatewaySettings(dir)))) {
            EindtoetsClient lasA = node.client(dir.resolve("las-a.p12"), dir.resolve("truststore.p12"));
            assertThat(haal(lasA)).isEqualTo("accepted");
            assertThat(node.ops("/metrics").body()).contains("gateway_crl_expired 0.0");

            Instant now = Instant.now();
            pki.writeTspCrl(dir.resolve("crl/tsp.crl"), List.of(),
                    new Validity(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));
            String refusal = awaitRefusal(lasA, Duration.ofSeconds(10));

            assertThat(refusal).isIn("TLS refused", "FailedAuthentication");
            var ready = node.ops("/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("trust: 1 CRL(s) past nextUpdate");
            assertThat(node.ops("/metrics").body()).contains("gateway_crl_expired 1.0");

            pki.writeTspCrl(dir.resolve("crl/tsp.crl"), List.of(), day());
            awaitAccepted(lasA, Duration.ofSeconds(10));
            assertThat(node.ops("/ready").statusCode()).isEqualTo(200);
        }
    }

    private static Map<String, String> settings(Map<String, String> pkiSettings) {
        Map<String, String> s = new HashMap<>(pkiSettings);
        s.put("trust.reload-check-interval", CHECK.toMillis() + "ms");
        return s;
    }

    private static Validity day() {
        Instant now = Instant.now();
        return new Validity(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)));
    }

    /** Sends until the gateway refuses; returns how ("TLS refused" or the fault code). */
    static String awaitRefusal(EindtoetsClient client, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            String outcome = haal(client);
            if (!outcome.equals("accepted")) {
                return outcome;
            }
            Thread.sleep(100);
        }
        return "still accepted";
    }

    static void awaitAccepted(EindtoetsClient client, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        String outcome = "";
        while (Instant.now().isBefore(deadline) && !outcome.equals("accepted")) {
            outcome = haal(client);
            Thread.sleep(100);
        }
        assertThat(outcome).isEqualTo("accepted");
    }

    static String haal(EindtoetsClient client) throws Exception {
        try {
            GatewayResponse r = client.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                    Samples.body("leerresultaten-99AA"));
            return Deliveries.outcome(r);
        } catch (IOException e) {
            return "TLS refused";
        } catch (ResponseVerificationException e) {
            return "unverifiable answer: " + e.getMessage();
        }
    }

    private static String deliver(EindtoetsClient client, String brin) throws Exception {
        return Deliveries.outcome(client.send(Operation.BRENG_DEELNEMERS, Oin.ofSchool(brin),
                Deliveries.list(brin, (int) (System.nanoTime() % 100_000))));
    }
}
