package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.devpki.DevEndEntity;
import nl.eindtoets.gateway.devpki.IssuedCertificate;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation without restart: the gateway key store and the trust store are replaced while signed requests keep
 * arriving; none fails, and from then on responses are signed with the new key. An operator can also ask for the
 * reload through the back office.
 */
class RotationTest {

    private static final int THREADS = 4;
    private static final int REQUESTS_PER_THREAD = 20;

    private final TestPki pki = TestPki.shared();

    @TempDir
    Path dir;

    @Test
    void keyStoreAndTrustStoreReplacedDuringLoadWithZeroFailedRequests() throws Exception {
        pki.writeTo(dir);
        Map<String, String> settings = TestPki.gatewaySettings(dir);
        settings.put("trust.reload-check-interval", "200ms");
        IssuedCertificate next = pki.endEntity(DevEndEntity.GATEWAY, Duration.ofDays(800));
        X509Certificate oldCert = pki.gateway.certificate();
        X509Certificate newCert = next.certificate();

        try (Node node = Node.start(settings)) {
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> signedBy = new ConcurrentHashMap<>();
            AtomicInteger done = new AtomicInteger();
            CountDownLatch halfway = new CountDownLatch(THREADS * REQUESTS_PER_THREAD / 3);
            ExecutorService load = Executors.newFixedThreadPool(THREADS);
            List<Future<X509Certificate>> lastSigners = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                lastSigners.add(load.submit(() -> {
                    EindtoetsClient client = node.client(dir.resolve("las-a.p12"), dir.resolve("truststore.p12"));
                    X509Certificate last = null;
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        try {
                            GatewayResponse r = client.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                                    Samples.body("leerresultaten-99AA"));
                            if (r instanceof VerifiedResponse v) {
                                last = v.signer();
                                signedBy.computeIfAbsent(v.signer().equals(newCert) ? "new" : "old",
                                        k -> new AtomicInteger()).incrementAndGet();
                            } else {
                                failures.add(Deliveries.outcome(r));
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        done.incrementAndGet();
                        halfway.countDown();
                    }
                    return last;
                }));
            }
            assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
            pki.writeGatewayKeystore(dir.resolve("gateway.p12"), next);
            pki.writeTruststore(dir.resolve("truststore.p12"));
            int swappedAt = done.get();
            load.shutdown();
            assertThat(load.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            System.out.printf("rotation under load: %d requests, files replaced after %d, failed %d,"
                    + " signed by old key %s, by new key %s%n", THREADS * REQUESTS_PER_THREAD, swappedAt,
                    failures.size(), signedBy.get("old"), signedBy.get("new"));
            assertThat(failures).isEmpty();
            for (Future<X509Certificate> last : lastSigners) {
                assertThat(last.get()).isEqualTo(newCert);
            }
            assertThat(signedBy.get("old").get()).isPositive();
            assertThat(oldCert).isNotEqualTo(newCert);
        }
    }

    @Test
    void backOfficeReloadSwitchesToTheNewKey() throws Exception {
        pki.writeTo(dir);
        Map<String, String> settings = TestPki.gatewaySettings(dir);
        settings.put("trust.reload-check-interval", "1h");
        IssuedCertificate next = pki.endEntity(DevEndEntity.GATEWAY, Duration.ofDays(800));

        try (Node node = Node.start(settings)) {
            EindtoetsClient client = node.client(dir.resolve("las-a.p12"), dir.resolve("truststore.p12"));
            pki.writeGatewayKeystore(dir.resolve("gateway.p12"), next);
            assertThat(signer(client)).isEqualTo(pki.gateway.certificate());

            assertThat(node.backOfficePost("/api/admin/reload", null).statusCode()).isEqualTo(401);
            var reload = node.backOfficePost("/api/admin/reload", Node.BACKOFFICE_TOKEN);

            assertThat(reload.statusCode()).isEqualTo(200);
            assertThat(reload.body()).contains("\"key\":true", "\"trust\":true", "\"reloaded\":true");
            assertThat(signer(client)).isEqualTo(next.certificate());
        }
    }

    private static X509Certificate signer(EindtoetsClient client) throws Exception {
        GatewayResponse r = client.send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                Samples.body("leerresultaten-99AA"));
        assertThat(r).isInstanceOf(VerifiedResponse.class);
        return ((VerifiedResponse) r).signer();
    }
}
