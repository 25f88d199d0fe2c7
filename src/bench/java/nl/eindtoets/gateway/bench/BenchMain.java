package nl.eindtoets.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.ResponseVerifier;
import nl.eindtoets.gateway.client.SigningKey;
import nl.eindtoets.gateway.client.TruststoreFile;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;

/**
 * Runs the benchmark of docs/performance.md: starts the baseline and the gateway in their own JVMs, then for every
 * pupil count and concurrency measures the baseline and right after it the gateway with the same pre-signed load
 * (with {@code --baseline-accp} also the baseline with ACCP and the gateway without it), then (for 3,000 pupils) a
 * gateway with a 256 MiB heap; writes {@code <out>/<timestamp>.json} and a table. Fails
 * (exit status 1) when a gateway did not store exactly the deliveries it gave receipts for.
 */
public final class BenchMain {

    static final String PASSWORD = "changeit";
    private static final String SIGNER = "wss.response-signer";
    private static final String VERIFIER = "wss.request-verifier";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = options.out().resolve(stamp).toAbsolutePath();
        Files.createDirectories(runDir);

        KeyStore trusted = new TruststoreFile(Path.of("certs-dev", "truststore.p12"), PASSWORD).load();
        Path lasKey = Path.of("certs-dev", "las-a.p12");
        SigningKey las = KeystoreCredentials.of(lasKey, PASSWORD).load();
        Oin lasOin = CertificateOin.of(las.certificate())
                .orElseThrow(() -> new IllegalStateException(lasKey + " carries no OIN"));
        RequestSigner signer = new RequestSigner(las);
        // One school per connection of the widest phase; priming uses two connections.
        LoadSchools schools = new LoadSchools(Math.max(2, options.concurrency().stream().max(Integer::compare)
                .orElse(1)));
        ExecutorService signing = Executors.newFixedThreadPool(2);
        RequestFactory requests = new RequestFactory(signer, EindtoetsClient.GATEWAY_OIN, schools, signing, 2);
        Bench bench = new Bench(options, requests, new SampleVerifier(
                new ResponseVerifier(trusted, EindtoetsClient.GATEWAY_OIN)), tls(lasKey, trusted));

        Report report = new Report(options, stamp, runDir);
        log("results in " + runDir + (options.quick() ? " (quick run)" : ""));
        List<ServerProcess> started = new ArrayList<>();
        BenchPostgres postgres = options.postgres() ? BenchPostgres.start(runDir) : null;
        if (postgres != null) {
            log("PostgreSQL started for the gateways (data in " + runDir.resolve("postgres") + ")");
        }
        try {
            // The baseline as a CXF user gets it: the JDK's security providers. With --baseline-accp also the same
            // baseline with ACCP, the gateway with ACCP and the gateway with the JDK's providers.
            boolean accp = options.baselineAccp();
            List<ServerProcess> servers = new ArrayList<>();
            ServerProcess baseline = ServerProcess.start("baseline", ServerKind.BASELINE, options.serverJvm(),
                    Map.of("crypto.provider", "jdk"), runDir);
            started.add(baseline);
            servers.add(baseline);
            if (accp) {
                ServerProcess baselineAccp = ServerProcess.start("baseline-accp", ServerKind.BASELINE,
                        options.serverJvm(), Map.of("crypto.provider", "accp"), runDir);
                started.add(baselineAccp);
                servers.add(baselineAccp);
            }
            List<GatewayUnderTest> gateways = new ArrayList<>();
            // With --compare-signers the gateway signs its answers with the lean signer and gateway-wss4j with WSS4J;
            // with --compare-verifiers it verifies requests with the lean verifier, gateway-wss4j-verifier with WSS4J.
            Map<String, String> lean = new LinkedHashMap<>();
            if (options.compareSigners()) {
                lean.put(SIGNER, "lean");
            }
            if (options.compareVerifiers()) {
                lean.put(VERIFIER, "lean");
            }
            GatewayUnderTest gateway = GatewayUnderTest.start("gateway", options.serverJvm(), options, runDir,
                    lasOin, schools, postgres == null ? null : postgres.database("gateway"), accp ? "accp" : null,
                    lean);
            gateways.add(gateway);
            if (accp) {
                gateways.add(GatewayUnderTest.start("gateway-jdk", options.serverJvm(), options, runDir, lasOin,
                        schools, postgres == null ? null : postgres.database("gateway-jdk"), "jdk", lean));
            }
            if (options.compareSigners()) {
                gateways.add(GatewayUnderTest.start("gateway-wss4j", options.serverJvm(), options, runDir, lasOin,
                        schools, postgres == null ? null : postgres.database("gateway-wss4j"), accp ? "accp" : null,
                        Map.of(SIGNER, "wss4j")));
            }
            if (options.compareVerifiers()) {
                gateways.add(GatewayUnderTest.start("gateway-wss4j-verifier", options.serverJvm(), options, runDir,
                        lasOin, schools, postgres == null ? null : postgres.database("gateway-wss4j-verifier"),
                        accp ? "accp" : null, Map.of(VERIFIER, "wss4j")));
            }
            for (GatewayUnderTest g : gateways) {
                started.add(g.process());
                servers.add(g.process());
            }

            ServerProcess plain = null;
            if (options.plain()) {
                plain = ServerProcess.start("plain", ServerKind.PLAIN, options.serverJvm(),
                        Map.of("crypto.provider", "jdk"), runDir);
                started.add(plain);
                bench.requireUnsignedAnswer(plain);
            }
            for (ServerProcess p : servers) {
                log(p.name() + " pid " + p.pid() + " port " + p.port() + ", signing provider "
                        + p.signingProvider());
            }

            for (ServerProcess p : servers) {
                bench.requireVerifiedAnswer(p);
            }
            for (ServerProcess p : servers) {
                bench.prime(p);
            }
            if (plain != null) {
                servers.add(plain);
                bench.prime(plain);
            }

            for (int pupils : options.sizes()) {
                for (int c : options.concurrency()) {
                    for (ServerProcess p : servers) {
                        report.add(bench.measure(p, pupils, c));
                    }
                }
            }
            for (GatewayUnderTest g : gateways) {
                report.storage(g.storage(bench.receipts(g.process())));
            }

            if (options.smallHeap()) {
                List<String> small = new ArrayList<>(options.serverJvm().stream()
                        .filter(a -> !a.startsWith("-Xmx")).toList());
                small.add(0, "-Xmx256m");
                GatewayUnderTest smallGateway = GatewayUnderTest.start("gateway-256m", small, options, runDir,
                        lasOin, schools, postgres == null ? null : postgres.database("gateway-256m"),
                        accp ? "accp" : null);
                started.add(smallGateway.process());
                bench.requireVerifiedAnswer(smallGateway.process());
                bench.prime(smallGateway.process());
                for (int c : options.concurrency()) {
                    if (!smallGateway.process().alive()) {
                        break;
                    }
                    report.add(bench.measure(smallGateway.process(), 3000, c));
                }
                report.storage(smallGateway.storage(bench.receipts(smallGateway.process())));
            }
        } finally {
            for (ServerProcess p : started) {
                p.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            signing.shutdownNow();
            // Whatever was measured is written, also when the run ended early.
            Path json = report.write();
            System.out.println(report.table());
            log("wrote " + json);
        }
        if (!report.allStored()) {
            log("FAILED: a gateway's stored deliveries do not match the receipts it handed out (see above)");
            System.exit(1);
        }
    }

    static void log(String message) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }

    /** The LAS's TLS side: las-a's key as client certificate, the development trust store for the server. */
    private static SSLContext tls(Path key, KeyStore trusted) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(key)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
