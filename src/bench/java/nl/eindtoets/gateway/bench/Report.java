package nl.eindtoets.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the phases of a run, derives the ratios of {@link #PAIRS} (gateway ÷ baseline, and with
 * {@code --baseline-accp} what ACCP gives the baseline and the gateway), and writes the JSON and the summary table.
 */
final class Report {

    /**
     * Receipts handed out by one gateway JVM (warm-up and priming included) against the deliveries stored in its
     * database during the run; {@code allStored} when they match.
     */
    record Storage(String server, long receipts, Long stored, boolean allStored, String how) {
    }

    /** {@code server} ÷ {@code over} for one pupil count and concurrency. */
    record Ratio(String server, String over, int pupils, int concurrency, double throughput, double p99Latency,
                 double cpuPerRequest) {
    }

    /**
     * The ratios reported, numerator first, when both servers ran: the gateway over the baseline as a CXF user gets
     * it (JDK providers) and over the same baseline with ACCP (what the design gives on top of the provider); what
     * ACCP gives the gateway and the baseline; the gateway over the baseline both on the JDK providers; and, with
     * {@code --compare-signers}, the lean answer signer over WSS4J's, and with {@code --compare-verifiers} the lean
     * request verifier over WSS4J's.
     */
    static final List<List<String>> PAIRS = List.of(
            List.of("gateway", "baseline"),
            List.of("gateway", "baseline-accp"),
            List.of("gateway", "gateway-jdk"),
            List.of("gateway", "gateway-wss4j"),
            List.of("gateway", "gateway-wss4j-verifier"),
            List.of("baseline-accp", "baseline"),
            List.of("gateway-jdk", "baseline"));

    private final BenchOptions options;
    private final String stamp;
    private final Path runDir;
    private final String started = OffsetDateTime.now().toString();
    private final List<PhaseResult> phases = new ArrayList<>();
    private final List<Storage> storage = new ArrayList<>();

    Report(BenchOptions options, String stamp, Path runDir) {
        this.options = options;
        this.stamp = stamp;
        this.runDir = runDir;
    }

    void add(PhaseResult r) {
        phases.add(r);
    }

    void storage(Storage s) {
        storage.add(s);
    }

    /** Whether every gateway's storage check passed (true when none was counted, as in an aborted run). */
    boolean allStored() {
        return storage.stream().allMatch(Storage::allStored);
    }

    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        for (List<String> pair : PAIRS) {
            for (PhaseResult g : phases) {
                if (!g.server().equals(pair.get(0))) {
                    continue;
                }
                find(pair.get(1), g.pupils(), g.concurrency()).ifPresent(b -> ratios.add(new Ratio(g.server(),
                        b.server(), g.pupils(), g.concurrency(), div(g.requestsPerSecond(), b.requestsPerSecond()),
                        div(g.latencyMs().p99(), b.latencyMs().p99()),
                        div(g.serverCpuMsPerRequest(), b.serverCpuMsPerRequest()))));
            }
        }
        return ratios;
    }

    private Optional<PhaseResult> find(String server, int pupils, int concurrency) {
        return phases.stream().filter(p -> p.server().equals(server) && p.pupils() == pupils
                && p.concurrency() == concurrency).findFirst();
    }

    private static double div(double a, double b) {
        return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.round(a / b * 100) / 100.0;
    }

    Path write() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("started", started);
        run.put("finished", OffsetDateTime.now().toString());
        run.put("quick", options.quick());
        run.put("options", options.toString());
        run.put("logs", runDir.toString());
        run.put("machine", machine());
        json.put("run", run);
        json.put("phases", phases);
        json.put("ratios", ratios());
        json.put("storage", storage);
        Path file = runDir.getParent().resolve(stamp + ".json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.write(file, mapper.writeValueAsBytes(json));
        return file;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("memoryGiB", Math.round(os.getTotalMemorySize() / 1073741824.0));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageAtEnd", os.getSystemLoadAverage());
        return m;
    }

    /** ACCP or JDK (the JDK's SunRsaSign), else the provider's name. */
    private static String shortName(String provider) {
        return provider == null ? "?" : provider.equals("AmazonCorrettoCryptoProvider") ? "ACCP"
                : provider.equals("SunRsaSign") ? "JDK" : provider;
    }

    /** One row per pupil count and concurrency, one column group per pair: throughput, p99 and CPU per request. */
    private String ratioTable() {
        List<Ratio> all = ratios();
        List<String> pairs = all.stream().map(r -> r.server() + " ÷ " + r.over()).distinct().toList();
        StringBuilder t = new StringBuilder(String.format("%nratios (req/s, p99, cpu ms/request)%n%6s %4s", "pupils",
                "c"));
        for (String pair : pairs) {
            t.append(String.format("  %-27s", pair));
        }
        t.append(String.format("%n"));
        all.stream().map(r -> List.of(r.pupils(), r.concurrency())).distinct().forEach(key -> {
            t.append(String.format("%6d %4d", key.get(0), key.get(1)));
            for (String pair : pairs) {
                Optional<Ratio> r = all.stream().filter(x -> (x.server() + " ÷ " + x.over()).equals(pair)
                        && x.pupils() == key.get(0) && x.concurrency() == key.get(1)).findFirst();
                t.append(r.map(x -> String.format("  %6.2fx %6.2fx %6.2fx    ", x.throughput(), x.p99Latency(),
                        x.cpuPerRequest())).orElse(String.format("  %-27s", "-")));
            }
            t.append(String.format("%n"));
        });
        return t.toString();
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%n%-13s %-5s %6s %4s %9s %8s %8s %8s %9s %8s %9s %6s %5s%n", "server", "jca",
                "pupils", "c", "req/s", "p50 ms", "p99 ms", "p999 ms", "cpu ms/r", "cli ms/r", "heap MiB", "errors",
                "ver"));
        for (PhaseResult p : phases) {
            t.append(String.format("%-13s %-5s %6d %4d %9.1f %8.2f %8.2f %8.2f %9.2f %8.2f %9.0f %6d %2d/%-2d%s%n",
                    p.server(), shortName(p.signingProvider()), p.pupils(), p.concurrency(), p.requestsPerSecond(),
                    p.latencyMs().p50(),
                    p.latencyMs().p99(), p.latencyMs().p999(), p.serverCpuMsPerRequest(), p.clientCpuMsPerRequest(),
                    p.serverHeapPeakMiB(), p.errors(), p.verifiedSamples(), p.verifiedSamples() + p.failedSamples(),
                    p.serverAlive() ? "" : "  server died"));
        }
        t.append(ratioTable());
        t.append(String.format("%ndurable storage%n"));
        for (Storage s : storage) {
            t.append(String.format("%-13s receipts %d, stored %s: %s — %s%n", s.server(), s.receipts(),
                    s.stored() == null ? "n/a" : s.stored(), s.allStored() ? "ok" : "MISMATCH", s.how()));
        }
        return t.toString();
    }
}
