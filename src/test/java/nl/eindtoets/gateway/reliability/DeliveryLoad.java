package nl.eindtoets.gateway.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.request.Oin;

/**
 * A load generator: one thread per development school (99AA and 99AB as las-a, 99AC as las-b), each sending
 * participant lists one after another with an increasing aanmaakdatum, and keeping every receipt it got.
 */
final class DeliveryLoad {

    private static final Map<String, String> SCHOOLS = Map.of("99AA", "las-a", "99AB", "las-a", "99AC", "las-b");

    private final URI baseUrl;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> receipts = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    DeliveryLoad(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    DeliveryLoad start() {
        SCHOOLS.forEach((brin, las) -> {
            Thread t = new Thread(() -> run(brin, las), "load-" + brin);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        });
        return this;
    }

    private void run(String brin, String las) {
        EindtoetsClient client = Node.client(baseUrl, Path.of("certs-dev", las + ".p12"),
                Path.of("certs-dev", "truststore.p12"));
        int sequence = 0;
        while (running) {
            sequence++;
            sent.incrementAndGet();
            String outcome;
            try {
                GatewayResponse r = client.send(Operation.BRENG_DEELNEMERS, Oin.ofSchool(brin),
                        Deliveries.list(brin, sequence));
                outcome = Deliveries.outcome(r);
                String receipt = Deliveries.receipt(r);
                if (receipt != null) {
                    receipts.add(receipt);
                }
            } catch (Exception e) {
                outcome = "no answer (" + e.getClass().getSimpleName() + ")";
                pause(100);
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
            if (!outcome.equals("accepted")) {
                pause(50);
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    int sent() {
        return sent.get();
    }

    List<String> receipts() {
        synchronized (receipts) {
            return List.copyOf(receipts);
        }
    }

    Map<String, Integer> outcomes() {
        Map<String, Integer> out = new TreeMap<>();
        outcomes.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Waits until {@code count} more receipts than {@code mark} arrived, or {@code millis} passed. */
    boolean awaitReceipts(int mark, int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (receipts.size() >= mark + count) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
