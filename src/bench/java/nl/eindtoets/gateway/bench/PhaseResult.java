package nl.eindtoets.gateway.bench;

import java.util.Arrays;

/**
 * The figures of one measured phase, as reported. Latencies in milliseconds; CPU per request is the server JVM's
 * process CPU time (all its threads) over the phase divided by the answered requests; heap peak is the sum of the
 * heap pools' peaks during the phase. {@code signingProvider}: the JCA provider that signs with the server key in the
 * server's JVM.
 */
record PhaseResult(String server, String kind, String signingProvider, String serverJvm, int pupils, int concurrency, int requestBytes,
                   int sent, int ok, int errors, boolean timeCapped, double seconds, double requestsPerSecond,
                   Latency latencyMs, double serverCpuMsPerRequest, double serverCpuCores,
                   double clientCpuMsPerRequest, double serverHeapPeakMiB, double serverHeapCommittedMiB,
                   long serverGcCount, long serverGcMillis, int verifiedSamples, int failedSamples,
                   String firstError, boolean serverAlive) {

    /** Nearest-rank percentiles of the answered requests. */
    record Latency(double p50, double p90, double p99, double p999, double max, double mean, int samples) {

        static Latency of(long[] nanos) {
            if (nanos.length == 0) {
                return new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)),
                    ms(rank(sorted, 0.999)), ms(sorted[sorted.length - 1]),
                    ms((long) Arrays.stream(sorted).average().orElse(0)), sorted.length);
        }

        private static long rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return Math.round(nanos / 1e4) / 100.0;
        }
    }
}
