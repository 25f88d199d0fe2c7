package nl.eindtoets.gateway.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.eindtoets.gateway.request.Oin;

/**
 * Keeps the OSR's endpoint answers for a while, so pushing many results to one school administration costs one OSR
 * call: a found endpoint for {@code positiveTtl}, "none" for {@code negativeTtl} (a LAS that registers its endpoint
 * after a miss is found soon). Failures are not kept. Two pushes asking for the same new key at once may both ask
 * upstream; the sender is a handful of threads, so that is not worth a lock.
 */
public final class CachingLasEndpoints implements LasEndpoints {

    private final LasEndpoints upstream;
    private final Cache<Key, Optional<LasEndpoint>> answers;

    public CachingLasEndpoints(LasEndpoints upstream, Duration positiveTtl, Duration negativeTtl, long maximumSize,
                               Clock clock) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        long positive = nanos(positiveTtl, "positiveTtl");
        long negative = nanos(negativeTtl, "negativeTtl");
        Objects.requireNonNull(clock, "clock");
        this.answers = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(new Expiry<Key, Optional<LasEndpoint>>() {
                    @Override
                    public long expireAfterCreate(Key key, Optional<LasEndpoint> value, long currentTime) {
                        return value.isPresent() ? positive : negative;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Optional<LasEndpoint> value, long currentTime,
                                                  long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Key key, Optional<LasEndpoint> value, long currentTime,
                                                long currentDuration) {
                        return currentDuration; // reading does not extend an answer's life
                    }
                })
                .build();
    }

    @Override
    public Optional<LasEndpoint> find(String routingId, Oin schoolOin) {
        Key key = new Key(routingId, schoolOin);
        Optional<LasEndpoint> known = answers.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Optional<LasEndpoint> fresh = upstream.find(routingId, schoolOin); // a failure propagates and is not kept
        answers.put(key, fresh);
        return fresh;
    }

    private static long nanos(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " is negative");
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private record Key(String routingId, Oin schoolOin) {
    }
}
