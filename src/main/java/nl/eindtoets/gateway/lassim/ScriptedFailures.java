package nl.eindtoets.gateway.lassim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * Statuses the simulated LAS answers instead of processing, so that a sender's retry and stop rules can be tested:
 * {@code failNext(503, 2)} makes the next two deliveries get 503, then normal answers resume. Calls queue up in
 * order, e.g. two 503s and then one 422.
 */
public final class ScriptedFailures {

    private final Deque<int[]> script = new ArrayDeque<>();

    /** Parses {@code STATUS:COUNT} (or {@code STATUS} for one), as {@code --fail-next} takes it. */
    public static int[] parse(String spec) {
        String[] parts = spec.strip().split(":", 2);
        try {
            int status = Integer.parseInt(parts[0]);
            int count = parts.length == 2 ? Integer.parseInt(parts[1]) : 1;
            check(status, count);
            return new int[] {status, count};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected STATUS:COUNT, e.g. 503:2, not " + spec);
        }
    }

    public synchronized void failNext(int status, int count) {
        check(status, count);
        script.addLast(new int[] {status, count});
    }

    /** The status to answer instead of processing this delivery, if one is scripted; consumes it. */
    synchronized OptionalInt take() {
        int[] head = script.peekFirst();
        if (head == null) {
            return OptionalInt.empty();
        }
        if (--head[1] == 0) {
            script.removeFirst();
        }
        return OptionalInt.of(head[0]);
    }

    /** How many scripted answers are still to come. */
    public synchronized int pending() {
        return script.stream().mapToInt(s -> s[1]).sum();
    }

    public synchronized void clear() {
        script.clear();
    }

    private static void check(int status, int count) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("count must be between 1 and 1000000");
        }
    }
}
