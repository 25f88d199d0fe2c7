package nl.eindtoets.gateway.push;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before attempt n+1 wait a random time between zero and
 * min(max, initial x 2^(n-1)), so that the messages of a LAS that was down do not all return at the same moment.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** @param attempts attempts made so far, at least 1 */
    Duration after(int attempts) {
        long ceiling = max.toMillis();
        long step = initial.toMillis();
        for (int i = 1; i < attempts && step < ceiling; i++) {
            step *= 2;
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.min(step, ceiling) + 1));
    }
}
