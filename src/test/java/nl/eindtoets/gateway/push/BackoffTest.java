package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter: random waits below a ceiling that doubles per attempt up to the maximum. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void theFirstWaitIsAtMostTheInitialDelay() {
        assertThat(IntStream.range(0, 200).mapToObj(i -> backoff.after(1)))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
    }

    @Test
    void theCeilingDoublesPerAttemptAndStopsAtTheMaximum() {
        assertThat(IntStream.range(0, 200).mapToObj(i -> backoff.after(3)))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(120)))
                .anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(60)));
        assertThat(IntStream.range(0, 200).mapToObj(i -> backoff.after(40)))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMinutes(5)))
                .anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(4)));
    }
}
