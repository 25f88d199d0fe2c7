package nl.eindtoets.gateway.mandate;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a register's answers for a while, so a school sending many messages does not cost an OSR call each time.
 *
 * <ul>
 *   <li>Grants are kept for {@code positiveTtl}, but never past the end of the mandate's last day.</li>
 *   <li>Denials are kept for {@code negativeTtl} only: schools often add a missing mandate right after a refusal.</li>
 *   <li>Failures are not kept. Requests for a key whose answer is being fetched wait for that one fetch instead of
 *       each asking upstream (the failure, too, is shared by those waiting for it).</li>
 *   <li>With {@code staleIfError} above zero, an upstream failure is answered with the last grant for the key if it
 *       expired less than {@code staleIfError} ago and the mandate has not ended; off by default.</li>
 * </ul>
 *
 * Answers served without an upstream call of their own are marked {@link Source#CACHE}.
 */
public final class CachingMandateRegister implements MandateRegister {

    private static final Logger LOG = LoggerFactory.getLogger(CachingMandateRegister.class);
    private static final ZoneId ZONE = MandateCheck.ZONE;

    private final MandateRegister upstream;
    private final Duration positiveTtl;
    private final Duration negativeTtl;
    private final Duration staleIfError;
    private final Clock clock;
    private final AsyncCache<MandateQuery, Fetched> answers;
    private final Cache<MandateQuery, MandateAnswer> lastGrants;

    public CachingMandateRegister(MandateRegister upstream, Duration positiveTtl, Duration negativeTtl,
                                  Duration staleIfError, long maximumSize, Clock clock) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.positiveTtl = nonNegative(positiveTtl, "positiveTtl");
        this.negativeTtl = nonNegative(negativeTtl, "negativeTtl");
        this.staleIfError = nonNegative(staleIfError, "staleIfError");
        this.clock = Objects.requireNonNull(clock, "clock");
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.answers = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .expireAfter(new TimeToLive<Fetched>(this::timeToLive))
                .buildAsync();
        this.lastGrants = staleIfError.isZero() ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .expireAfter(new TimeToLive<MandateAnswer>(
                        answer -> capAtEnd(positiveTtl.plus(staleIfError), answer.endDate())))
                .build();
    }

    @Override
    public MandateAnswer lookup(MandateQuery query) {
        CompletableFuture<Fetched> mine = new CompletableFuture<>();
        CompletableFuture<Fetched> current = answers.get(query, (key, executor) -> mine);
        if (current == mine) {
            return fetch(query, mine);
        }
        Fetched shared = current.join();
        if (shared.failure() != null) {
            // a fresh exception per waiter, so the stack trace shows this request's thread
            return staleOrThrow(query, new MandateRegisterUnavailableException(shared.failure().getMessage(),
                    shared.failure()));
        }
        return shared.answer().from(Source.CACHE);
    }

    @Override
    public Source source() {
        return upstream.source();
    }

    /**
     * Asks upstream in the caller's thread and shares the outcome with everyone waiting on {@code pending}. A
     * failure is removed from the cache before it is shared, so the next request asks upstream again.
     */
    private MandateAnswer fetch(MandateQuery query, CompletableFuture<Fetched> pending) {
        MandateAnswer answer;
        try {
            answer = upstream.lookup(query);
        } catch (MandateRegisterUnavailableException e) {
            answers.asMap().remove(query, pending);
            pending.complete(new Fetched(null, e));
            return staleOrThrow(query, e);
        } catch (RuntimeException | Error e) {
            answers.asMap().remove(query, pending);
            pending.complete(new Fetched(null, new MandateRegisterUnavailableException("mandate register failed", e)));
            throw e;
        }
        pending.complete(new Fetched(answer, null));
        if (answer.granted() && lastGrants != null) {
            lastGrants.put(query, answer);
        }
        return answer;
    }

    private MandateAnswer staleOrThrow(MandateQuery query, MandateRegisterUnavailableException failure) {
        MandateAnswer stale = lastGrants == null ? null : lastGrants.getIfPresent(query);
        if (stale == null) {
            throw failure;
        }
        LOG.warn("mandate register unavailable ({}); serving the last grant for supplier {} school {} within "
                + "stale-if-error {}", failure.getMessage(), query.supplierOin(), query.schoolOin(), staleIfError);
        return stale.from(Source.CACHE);
    }

    private Duration timeToLive(Fetched fetched) {
        MandateAnswer answer = fetched.answer();
        if (answer == null) {
            return Duration.ZERO;
        }
        return answer.granted() ? capAtEnd(positiveTtl, answer.endDate()) : negativeTtl;
    }

    /** {@code ttl}, or less when the mandate's last day ends sooner; zero when it already has. */
    private Duration capAtEnd(Duration ttl, LocalDate endDate) {
        if (endDate == null) {
            return ttl;
        }
        Instant end = endDate.plusDays(1).atStartOfDay(ZONE).toInstant();
        Duration left = Duration.between(clock.instant(), end);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(ttl) < 0 ? left : ttl;
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " is negative");
        }
        return d;
    }

    /** What one upstream call produced: an answer, or the failure to get one. */
    private record Fetched(MandateAnswer answer, MandateRegisterUnavailableException failure) {
    }

    /** Expiry decided by the answer alone, fixed when the answer is stored; reading does not extend it. */
    private static final class TimeToLive<V> implements Expiry<MandateQuery, V> {
        private final Function<V, Duration> ttl;

        TimeToLive(Function<V, Duration> ttl) {
            this.ttl = ttl;
        }

        @Override
        public long expireAfterCreate(MandateQuery key, V value, long currentTime) {
            return saturatedNanos(ttl.apply(value));
        }

        @Override
        public long expireAfterUpdate(MandateQuery key, V value, long currentTime,
                                      long currentDuration) {
            return saturatedNanos(ttl.apply(value));
        }

        @Override
        public long expireAfterRead(MandateQuery key, V value, long currentTime,
                                    long currentDuration) {
            return currentDuration;
        }

        private static long saturatedNanos(Duration d) {
            try {
                return d.toNanos();
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
