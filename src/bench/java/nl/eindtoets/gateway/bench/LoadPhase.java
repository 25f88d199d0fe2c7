package nl.eindtoets.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code connections.size()} threads, each on its own keep-alive connection, send the next request
 * of their own pre-signed queue and wait for the answer, until the queue runs out or the time cap passes. A queue
 * belongs to one connection because its requests are one school's lists in order (see {@link RequestFactory}).
 * Records per-request latency and status; keeps a few answer bodies (evenly spread) for verification after the phase.
 */
final class LoadPhase {

    /** What one phase produced. Latencies of completed requests only (in nanoseconds, unsorted). */
    record Outcome(int sent, int ok, int errors, long elapsedNanos, long[] latencies, List<Sample> samples,
                   String firstError, boolean capped) {
        double requestsPerSecond() {
            return elapsedNanos == 0 ? 0 : ok * 1e9 / elapsedNanos;
        }
    }

    /** An answer kept for verification, with the request it answers. */
    record Sample(PreparedRequest request, byte[] body) {
    }

    private LoadPhase() {
    }

    /** @param queues one queue per connection, in the same order, sent in order on that connection */
    static Outcome run(List<KeepAliveConnection> connections, String path, String soapAction,
                       List<List<PreparedRequest>> queues, long capNanos, int samples) throws InterruptedException {
        if (queues.size() != connections.size()) {
            throw new IllegalArgumentException(queues.size() + " queues for " + connections.size() + " connections");
        }
        // Request i of connection k has the flat index offsets[k] + i in the per-request arrays.
        int[] offsets = new int[queues.size() + 1];
        for (int k = 0; k < queues.size(); k++) {
            offsets[k + 1] = offsets[k] + queues.get(k).size();
        }
        int n = offsets[queues.size()];
        List<PreparedRequest> requests = queues.stream().flatMap(List::stream).toList();
        long[] latencies = new long[n];
        int[] status = new int[n];
        byte[][] kept = new byte[n][];
        int stride = Math.max(1, n / Math.max(1, samples));
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(connections.size());
        long start = System.nanoTime();
        long deadline = start + capNanos;
        AtomicLongMax lastDone = new AtomicLongMax(start);

        for (int k = 0; k < connections.size(); k++) {
            KeepAliveConnection connection = connections.get(k);
            int from = offsets[k];
            int to = offsets[k + 1];
            Thread worker = new Thread(() -> {
                try {
                    for (int i = from; i < to; i++) {
                        if (System.nanoTime() > deadline) {
                            break;
                        }
                        PreparedRequest r = requests.get(i);
                        long t0 = System.nanoTime();
                        try {
                            KeepAliveConnection.Answer a = connection.post(path, soapAction, r.wire());
                            long t1 = System.nanoTime();
                            latencies[i] = t1 - t0;
                            status[i] = a.status();
                            lastDone.offer(t1);
                            if (a.status() != 200) {
                                firstError.compareAndSet(null, "HTTP " + a.status() + ": " + excerpt(a.body()));
                            } else if (i % stride == 0) {
                                kept[i] = a.body();
                            }
                        } catch (IOException e) {
                            latencies[i] = System.nanoTime() - t0;
                            status[i] = -1;
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + k);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        long elapsed = lastDone.get() - start;

        int sent = 0;
        int ok = 0;
        int errors = 0;
        long[] completed = new long[n];
        List<Sample> sampleList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (status[i] == 0) {
                continue;
            }
            sent++;
            if (status[i] == 200) {
                completed[ok++] = latencies[i];
                if (kept[i] != null) {
                    sampleList.add(new Sample(requests.get(i), kept[i]));
                }
            } else {
                errors++;
            }
        }
        return new Outcome(sent, ok, errors, elapsed, Arrays.copyOf(completed, ok), sampleList, firstError.get(),
                sent < n);
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        int fs = s.indexOf("<faultstring");
        if (fs >= 0) {
            s = s.substring(fs);
        }
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** Latest completion time across threads. */
    private static final class AtomicLongMax {
        private final java.util.concurrent.atomic.AtomicLong value;

        AtomicLongMax(long initial) {
            value = new java.util.concurrent.atomic.AtomicLong(initial);
        }

        void offer(long v) {
            value.accumulateAndGet(v, Math::max);
        }

        long get() {
            return value.get();
        }
    }
}
