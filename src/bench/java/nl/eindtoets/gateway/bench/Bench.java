package nl.eindtoets.gateway.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import nl.eindtoets.gateway.client.Operation;

/**
 * One measurement step against one server: warm up on fresh keep-alive connections, derive the request count from the
 * warm-up rate, sign that many requests, then send them while reading the server's CPU and heap before and after.
 * Counts the receipts each server handed out, for the storage check at the end.
 */
final class Bench {

    private static final String PATH = Operation.BRENG_DEELNEMERS.path();
    private static final String ACTION = Operation.BRENG_DEELNEMERS.action();
    private static final long SECOND = 1_000_000_000L;

    private final BenchOptions options;
    private final RequestFactory requests;
    private final SampleVerifier verifier;
    private final SSLContext tls;
    private final Map<String, Long> receipts = new HashMap<>();

    Bench(BenchOptions options, RequestFactory requests, SampleVerifier verifier, SSLContext tls) {
        this.options = options;
        this.requests = requests;
        this.verifier = verifier;
        this.tls = tls;
    }

    long receipts(ServerProcess server) {
        return receipts.getOrDefault(server.name(), 0L);
    }

    /** Whether {@code server} is sent signed requests: all but the plain CXF endpoint. */
    private static boolean signed(ServerProcess server) {
        return server.kind() != ServerKind.PLAIN;
    }

    /** Fails the run unless the plain server answers an unsigned request with a receipt. */
    void requireUnsignedAnswer(ServerProcess server) throws Exception {
        KeepAliveConnection c = new KeepAliveConnection(tls, "localhost", server.port());
        try {
            KeepAliveConnection.Answer a = c.post(PATH, ACTION, requests.unsigned(server.baseUrl(), 30));
            if (a.status() != 200) {
                throw new IllegalStateException(server.name() + " refused an unsigned request: HTTP " + a.status());
            }
        } finally {
            c.close();
        }
        BenchMain.log(server.name() + " answers an unsigned request");
    }

    /** Fails the run unless the server answers a pre-signed request with a verified, signed receipt. */
    void requireVerifiedAnswer(ServerProcess server) throws Exception {
        List<List<PreparedRequest>> one = requests.prepare(server.baseUrl(), 30, 1, 1);
        LoadPhase.Outcome o = run(server, 1, one, 60 * SECOND, 1);
        if (o.ok() != 1 || o.samples().isEmpty()) {
            throw new IllegalStateException(server.name() + " refused a correct request: " + o.firstError()
                    + " (log: " + server.log() + ")");
        }
        String problem = verifier.check(o.samples().get(0), 30);
        if (problem != null) {
            throw new IllegalStateException(server.name() + " answered with a receipt that does not verify: "
                    + problem);
        }
        KeepAliveConnection c = new KeepAliveConnection(tls, "localhost", server.port());
        try {
            KeepAliveConnection.Answer a = c.post(PATH, ACTION, requests.unsigned(server.baseUrl(), 30));
            if (a.status() == 200) {
                throw new IllegalStateException(server.name() + " accepted a request without WS-Security: "
                        + "its security policy is not enforced, so it is no fair comparison");
            }
        } finally {
            c.close();
        }
        BenchMain.log(server.name() + " accepts the pre-signed request, its signed receipt verifies, "
                + "and it refuses the same request unsigned");
    }

    /**
     * Lets the JIT compile the hot paths before anything is measured: rounds of 30- and 300-pupil requests on two
     * connections until {@link BenchOptions#primeSeconds()} of sending have passed. A fixed count was not enough:
     * C2 was still compiling the large XML-security and store methods during the measured phases, and its threads
     * took a third of the CPU there.
     */
    void prime(ServerProcess server) throws Exception {
        long budget = (long) (options.primeSeconds() * SECOND);
        long spent = 0;
        int rounds = 0;
        while (spent < budget) {
            long start = System.nanoTime();
            run(server, 2, requests.prepare(server.baseUrl(), 30, 100, 2, signed(server)), 120 * SECOND, 0);
            run(server, 2, requests.prepare(server.baseUrl(), 300, 10, 2, signed(server)), 120 * SECOND, 0);
            spent += System.nanoTime() - start;
            rounds++;
        }
        BenchMain.log(String.format("%s primed (%d rounds of 200 + 20 requests in %.1f s)", server.name(), rounds,
                spent / 1e9));
    }

    PhaseResult measure(ServerProcess server, int pupils, int concurrency) throws Exception {
        String label = server.name() + " " + pupils + " pupils c=" + concurrency;
        if (!server.alive()) {
            BenchMain.log(label + ": skipped, the server is gone");
            return failed(server, pupils, concurrency, "server process ended before this phase");
        }
        List<KeepAliveConnection> connections = connections(server, concurrency);
        try {
            return measure(server, pupils, concurrency, connections, label);
        } catch (java.io.IOException e) {
            if (server.alive()) {
                throw e;
            }
            BenchMain.log(label + ": the server died (" + e + "); see " + server.log());
            return failed(server, pupils, concurrency, "server process ended during the phase (see its log)");
        } finally {
            connections.forEach(KeepAliveConnection::close);
        }
    }

    private PhaseResult measure(ServerProcess server, int pupils, int concurrency,
                                List<KeepAliveConnection> connections, String label) throws Exception {
        {
            long cap = (long) (options.measureCapSeconds() * SECOND);
            List<List<PreparedRequest>> warm = requests.prepare(server.baseUrl(), pupils,
                    perConnection(options.warmup(pupils, concurrency), concurrency), concurrency, signed(server));
            LoadPhase.Outcome warmup = LoadPhase.run(connections, PATH, ACTION, warm,
                    (long) (options.warmupCapSeconds() * SECOND), 0);
            count(server, warmup);
            int target = (int) Math.round(warmup.requestsPerSecond() * options.seconds());
            int n = Math.max(options.minMeasured(pupils, concurrency), Math.min(options.maxMeasured(pupils), target));
            List<List<PreparedRequest>> load = requests.prepare(server.baseUrl(), pupils,
                    perConnection(n, concurrency), concurrency, signed(server));

            server.resetPeaks();
            ProcessStats before = server.stats();
            long clientBefore = ProcessStats.current().cpuNanos();
            LoadPhase.Outcome o = LoadPhase.run(connections, PATH, ACTION, load, cap, 8);
            long clientAfter = ProcessStats.current().cpuNanos();
            boolean alive = server.alive();
            ProcessStats after = before;
            if (alive) {
                try {
                    after = server.stats();
                } catch (java.io.IOException e) {
                    alive = false;
                }
            }
            count(server, o);

            // The plain server's answers are unsigned: there is nothing to verify beyond HTTP 200.
            SampleVerifier.Verdict verdict = signed(server) ? verifier.verify(o.samples(), pupils)
                    : new SampleVerifier.Verdict(0, List.of());
            double answered = Math.max(1, o.ok());
            double seconds = o.elapsedNanos() / 1e9;
            String error = o.firstError();
            if (!verdict.failures().isEmpty() && error == null) {
                error = "sample verification: " + verdict.failures().get(0);
            }
            PhaseResult r = new PhaseResult(server.name(), server.kind().label(), server.signingProvider(),
                    String.join(" ", server.jvmArgs()),
                    pupils, concurrency, load.get(0).get(0).wire().length, o.sent(), o.ok(), o.errors(), o.capped(),
                    round(seconds), round(o.requestsPerSecond()), PhaseResult.Latency.of(o.latencies()),
                    round((after.cpuNanos() - before.cpuNanos()) / 1e6 / answered),
                    round(seconds == 0 ? 0 : (after.cpuNanos() - before.cpuNanos()) / 1e9 / seconds),
                    round((clientAfter - clientBefore) / 1e6 / answered),
                    round(after.heapPeakBytes() / 1048576.0), round(after.heapCommittedBytes() / 1048576.0),
                    after.gcCount() - before.gcCount(), after.gcMillis() - before.gcMillis(),
                    verdict.verified(), verdict.failures().size(), error, alive);
            BenchMain.log(String.format("%-34s %8.1f req/s  p50 %7.2f  p99 %7.2f ms  cpu %6.2f ms/req  errors %d%s",
                    label, r.requestsPerSecond(), r.latencyMs().p50(), r.latencyMs().p99(),
                    r.serverCpuMsPerRequest(), r.errors(), alive ? "" : "  SERVER DIED"));
            return r;
        }
    }

    private LoadPhase.Outcome run(ServerProcess server, int concurrency, List<List<PreparedRequest>> load, long cap,
                                  int samples) throws Exception {
        List<KeepAliveConnection> connections = connections(server, concurrency);
        try {
            LoadPhase.Outcome o = LoadPhase.run(connections, PATH, ACTION, load, cap, samples);
            count(server, o);
            return o;
        } finally {
            connections.forEach(KeepAliveConnection::close);
        }
    }

    private List<KeepAliveConnection> connections(ServerProcess server, int n) {
        List<KeepAliveConnection> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new KeepAliveConnection(tls, "localhost", server.port()));
        }
        return list;
    }

    private void count(ServerProcess server, LoadPhase.Outcome o) {
        receipts.merge(server.name(), (long) o.ok(), Long::sum);
    }

    /** Every connection sends the same number of requests (its school's lists), at least {@code total} in all. */
    private static int perConnection(int total, int connections) {
        return Math.max(1, (total + connections - 1) / connections);
    }

    private static PhaseResult failed(ServerProcess server, int pupils, int concurrency, String why) {
        return new PhaseResult(server.name(), server.kind().label(), server.signingProvider(),
                String.join(" ", server.jvmArgs()), pupils,
                concurrency, 0, 0, 0, 0, false, 0, 0, PhaseResult.Latency.of(new long[0]), 0, 0, 0, 0, 0, 0, 0, 0, 0,
                why, false);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
