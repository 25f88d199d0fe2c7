package nl.eindtoets.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Single-node replay memory. Entries live until their message could no longer be accepted anyway. It is bounded so
 * that it cannot exhaust the heap; when full, new messages are refused rather than old entries evicted, because
 * evicting a live entry would re-open a replay window.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private final Clock clock;
    private final long maxEntries;
    private final Cache<String, Instant> seen;

    public InMemoryReplayGuard(Clock clock, long maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.seen = Caffeine.newBuilder()
                .ticker(Ticker.systemTicker())
                .expireAfter(new Expiry<String, Instant>() {
                    @Override
                    public long expireAfterCreate(String key, Instant until, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), until).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Instant until, long currentTime, long remaining) {
                        return remaining;
                    }

                    @Override
                    public long expireAfterRead(String key, Instant until, long currentTime, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    @Override
    public boolean firstSeen(String signatureValue, Instant acceptableUntil) {
        if (seen.estimatedSize() >= maxEntries) {
            seen.cleanUp();
            if (seen.estimatedSize() >= maxEntries) {
                return false;
            }
        }
        Instant until = acceptableUntil.isAfter(clock.instant()) ? acceptableUntil : clock.instant().plusSeconds(1);
        return seen.asMap().putIfAbsent(signatureValue, until) == null;
    }
}
