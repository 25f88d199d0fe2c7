package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.Exchange;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;

/**
 * Limits answer at once instead of queueing without bound: a LAS over its rate gets Server.TijdelijkNietBeschikbaar
 * (0051) while another LAS proceeds; past the global cap on requests in progress the answer is 0051 with HTTP 503;
 * a client that stalls is disconnected after the idle timeout.
 */
class LimitsTest {

    @Test
    void rateLimitedOinGetsTijdelijkNietBeschikbaarWhileAnotherOinProceeds() throws Exception {
        try (Node node = Node.start(Map.of("limits.per-signer.requests-per-second", "2",
                "limits.per-signer.burst", "2"))) {
            EindtoetsClient lasA = node.client("las-a");
            EindtoetsClient lasB = node.client("las-b");
            List<GatewayResponse> fromA = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fromA.add(lasA.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                        Samples.body("leerresultaten-99AA")));
            }
            GatewayResponse fromB = lasB.send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AC"),
                    Deliveries.list("99AC", 1));

            List<String> outcomes = fromA.stream().map(Deliveries::outcome).toList();
            System.out.println("rate limit 2/s burst 2, five quick requests from las-a: " + outcomes);
            assertThat(outcomes).contains("accepted", "Server.TijdelijkNietBeschikbaar");
            SoapFaultInfo limited = fromA.stream().filter(r -> r instanceof SoapFaultInfo).map(SoapFaultInfo.class::cast)
                    .findFirst().orElseThrow();
            assertThat(limited.digikoppelingCode()).isEqualTo("0051");
            assertThat(Deliveries.outcome(fromB)).isEqualTo("accepted");
        }
    }

    @Test
    void requestsPastTheGlobalCapAreAnswered0051WithHttp503() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (Node node = Node.start(Map.of("limits.max-in-progress", "2"), real -> new Gateway.Handlers(
                real.deelnemers(),
                (c, identity, request) -> {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return real.leerresultaten().handle(c, identity, request);
                }))) {
            EindtoetsClient lasA = node.client("las-a");
            List<CompletableFuture<String>> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return Deliveries.outcome(lasA.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                                Samples.body("leerresultaten-99AA")));
                    } catch (Exception e) {
                        return e.toString();
                    }
                }));
            }
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            var signed = lasA.signer().sign(lasA.envelope(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                    Samples.body("leerresultaten-99AA")).build());
            Exchange third = lasA.exchange(Operation.HAAL_LEERRESULTATEN, signed);
            release.countDown();

            assertThat(third.http().status()).isEqualTo(503);
            SoapFaultInfo fault = (SoapFaultInfo) lasA.verify(third);
            assertThat(fault.faultCode().getLocalPart()).isEqualTo("Server.TijdelijkNietBeschikbaar");
            assertThat(fault.digikoppelingCode()).isEqualTo("0051");
            for (CompletableFuture<String> f : held) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("accepted");
            }
        }
    }

    @Test
    void requestsPastTheByteBudgetAreAnswered0051AndTheBudgetReturnsWhenTheyEnd() throws Exception {
        int budget = 10_000;
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Node node = Node.start(Map.of("limits.max-bytes-in-progress", String.valueOf(budget)),
                real -> new Gateway.Handlers(
                        (c, identity, digest, request) -> {
                            entered.countDown();
                            try {
                                release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return real.deelnemers().handle(c, identity, digest, request);
                        },
                        real.leerresultaten()))) {
            EindtoetsClient lasA = node.client("las-a");
            var first = lasA.signer().sign(lasA.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Samples.body("deelnemers-99AA")).build());
            var second = lasA.signer().sign(lasA.envelope(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                    Samples.body("leerresultaten-99AA")).build());
            assertThat(first.toBytes().length).as("the held delivery fits the budget").isLessThan(budget);
            assertThat(first.toBytes().length + second.toBytes().length).as("both do not").isGreaterThan(budget);

            CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return Deliveries.outcome(lasA.verify(lasA.exchange(Operation.BRENG_DEELNEMERS, first)));
                } catch (Exception e) {
                    return e.toString();
                }
            });
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            Exchange refused = lasA.exchange(Operation.HAAL_LEERRESULTATEN, second);
            release.countDown();

            assertThat(refused.http().status()).isEqualTo(503);
            SoapFaultInfo fault = (SoapFaultInfo) lasA.verify(refused);
            assertThat(fault.faultCode().getLocalPart()).isEqualTo("Server.TijdelijkNietBeschikbaar");
            assertThat(fault.digikoppelingCode()).isEqualTo("0051");
            assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("accepted");
            GatewayResponse later = lasA.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                    Samples.body("leerresultaten-99AA"));
            assertThat(Deliveries.outcome(later)).as("the budget is back once the delivery ended").isEqualTo("accepted");
        }
    }

    @Test
    void clientThatStallsMidRequestIsDisconnectedAfterTheIdleTimeout() throws Exception {
        try (Node node = Node.start(Map.of("server.idle-timeout", "1s"))) {
            try (SSLSocket socket = (SSLSocket) tls("las-a").getSocketFactory()
                    .createSocket("localhost", node.baseUrl.getPort())) {
                socket.setSoTimeout(15_000);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(("POST /eindtoets/leerresultaten HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\n<soap")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Instant stalled = Instant.now();
                InputStream in = socket.getInputStream();
                int read;
                try {
                    do {
                        read = in.read();
                    } while (read != -1);
                } catch (java.io.IOException closed) {
                    // a reset counts as closed too
                }
                Duration held = Duration.between(stalled, Instant.now());
                System.out.printf("stalled client disconnected after %d ms (idle timeout 1 s)%n", held.toMillis());
                assertThat(held).isLessThan(Duration.ofSeconds(8));
            }
        }
    }

    private static SSLContext tls(String key) throws Exception {
        char[] password = Node.PASSWORD.toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(Path.of("certs-dev", key + ".p12"))) {
            ks.load(in, password);
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(Path.of("certs-dev", "truststore.p12"))) {
            ts.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
