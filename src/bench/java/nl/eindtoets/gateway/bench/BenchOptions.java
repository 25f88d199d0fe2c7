package nl.eindtoets.gateway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line of the benchmark.
 *
 * <pre>
 * --quick                 smoke run: 30 and 300 pupils, concurrency 1 and 4, about 3 s per phase
 * --sizes 30,300,3000     pupil counts
 * --concurrency 1,4,16,64 connections (closed loop, one request in flight per connection, one load school each)
 * --seconds 6             target length of a measured phase (the count is derived from the warm-up rate)
 * --prime-seconds 30      sending time that primes each server (JIT) before its first phase
 * --no-small-heap         skip the 3,000-pupil gateway run at -Xmx256m
 * --server-jvm "-Xmx2g"   JVM options of both servers (the small-heap gateway gets -Xmx256m instead)
 * --gateway key=value     extra gateway configuration (repeatable)
 * --jfr                   record the gateway JVM with Java Flight Recorder (profile settings)
 * --postgres              the gateways store in a real PostgreSQL started by the harness instead of H2 files
 * --plain                 also measure the vanilla CXF endpoint without WS-Security (unsigned requests): the ceiling
 * --baseline-accp         also measure the baseline with the Amazon Corretto Crypto Provider (baseline-accp) and the
 *                         gateway with the JDK providers (gateway-jdk); the gateway itself then runs with ACCP
 * --compare-signers      also measure a gateway whose answers WSS4J signs (gateway-wss4j, wss.response-signer=wss4j);
 *                         the gateway itself then runs with wss.response-signer=lean
 * --compare-verifiers     also measure a gateway whose requests WSS4J verifies (gateway-wss4j-verifier,
 *                         wss.request-verifier=wss4j); the gateway itself then runs with wss.request-verifier=lean
 * --out bench/results     where the JSON, logs and recordings go
 * </pre>
 */
record BenchOptions(boolean quick, List<Integer> sizes, List<Integer> concurrency, double seconds,
                    double primeSeconds, boolean smallHeap, List<String> serverJvm, Map<String, String> gatewaySettings, boolean jfr,
                    boolean postgres, boolean plain, boolean baselineAccp, boolean compareSigners,
                    boolean compareVerifiers, Path out) {

    static BenchOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        List<Integer> sizes = quick ? List.of(30, 300) : List.of(30, 300, 3000);
        List<Integer> concurrency = quick ? List.of(1, 4) : List.of(1, 4, 16, 64);
        double seconds = quick ? 3 : 6;
        double primeSeconds = quick ? 10 : 30;
        boolean smallHeap = true;
        List<String> serverJvm = List.of("-Xmx2g", "-XX:+ExitOnOutOfMemoryError");
        Map<String, String> gateway = new LinkedHashMap<>();
        boolean jfr = false;
        boolean postgres = false;
        boolean plain = false;
        boolean baselineAccp = false;
        boolean compareSigners = false;
        boolean compareVerifiers = false;
        Path out = Path.of("bench", "results");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "", "--quick" -> { }
                case "--sizes" -> sizes = ints(args[++i]);
                case "--concurrency" -> concurrency = ints(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--prime-seconds" -> primeSeconds = Double.parseDouble(args[++i]);
                case "--no-small-heap" -> smallHeap = false;
                case "--server-jvm" -> serverJvm = new ArrayList<>(List.of(args[++i].trim().split("\\s+")));
                case "--gateway" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--gateway expects key=value, got " + kv);
                    }
                    gateway.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--jfr" -> jfr = true;
                case "--postgres" -> postgres = true;
                case "--plain" -> plain = true;
                case "--baseline-accp" -> baselineAccp = true;
                case "--compare-signers" -> compareSigners = true;
                case "--compare-verifiers" -> compareVerifiers = true;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a
                        + "; see BenchOptions for --quick, --sizes, --concurrency, --seconds, --prime-seconds, "
                        + "--no-small-heap, --server-jvm, --gateway, --jfr, --postgres, --plain, --baseline-accp, "
                        + "--compare-signers, --compare-verifiers, --out");
            }
        }
        return new BenchOptions(quick, sizes, concurrency, seconds, primeSeconds, smallHeap && sizes.contains(3000),
                serverJvm, gateway, jfr, postgres, plain, baselineAccp, compareSigners, compareVerifiers, out);
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    /** Requests of the warm-up before each measured phase (every connection busy at least once or twice). */
    int warmup(int pupils, int connections) {
        int base = pupils <= 30 ? 200 : pupils <= 300 ? 60 : 8;
        return Math.max(pupils >= 3000 ? connections : 2 * connections, quick ? base / 2 : base);
    }

    /** Bounds of the measured request count; the target is the warm-up rate times {@link #seconds}. */
    int minMeasured(int pupils, int connections) {
        int base = pupils <= 30 ? 200 : pupils <= 300 ? 100 : 16;
        return Math.max(pupils >= 3000 ? connections : 2 * connections, quick ? base / 2 : base);
    }

    int maxMeasured(int pupils) {
        return pupils <= 30 ? 5000 : pupils <= 300 ? 2000 : 300;
    }

    /** Time caps: a phase stops by itself even when the server is far slower than expected. */
    double warmupCapSeconds() {
        return Math.max(10, 2 * seconds);
    }

    double measureCapSeconds() {
        return Math.min(120, Math.max(20, 3 * seconds));
    }
}
