package nl.eindtoets.gateway.mandate;

import static nl.eindtoets.gateway.mandate.DevFixtures.LAS_A;
import static nl.eindtoets.gateway.mandate.DevFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.eindtoets.gateway.mandate.MandateDecision.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingMandateRegisterTest {

    private static final Duration POSITIVE = Duration.ofHours(1);
    private static final Duration NEGATIVE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(DevFixtures.TODAY);
    private final ScriptedRegister upstream = new ScriptedRegister(q -> MandateAnswer.granted(null, Source.OSR));
    private final MandateQuery key = query(LAS_A, "99AA");
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private CachingMandateRegister cache(Duration staleIfError) {
        return new CachingMandateRegister(upstream, POSITIVE, NEGATIVE, staleIfError, 1000, clock);
    }

    @Test
    void reusesAGrantWithinItsTimeToLiveAndSaysItCameFromTheCache() {
        CachingMandateRegister cache = cache(Duration.ZERO);

        MandateAnswer first = cache.lookup(key);
        clock.advance(POSITIVE.minusSeconds(1));
        MandateAnswer second = cache.lookup(key);

        assertThat(first.granted()).isTrue();
        assertThat(first.source()).isEqualTo(Source.OSR);
        assertThat(second.granted()).isTrue();
        assertThat(second.source()).isEqualTo(Source.CACHE);
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void asksAgainOnceTheGrantExpired() {
        CachingMandateRegister cache = cache(Duration.ZERO);

        cache.lookup(key);
        clock.advance(POSITIVE.plusSeconds(1));
        MandateAnswer again = cache.lookup(key);

        assertThat(again.source()).isEqualTo(Source.OSR);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void neverKeepsAGrantPastTheEndOfTheMandatesLastDay() {
        // 23:30 in Amsterdam on the mandate's last day: the grant may live 30 minutes, not an hour
        clock.set(Instant.parse("2026-10-01T21:30:00Z"));
        upstream.answer = q -> MandateAnswer.granted(LocalDate.of(2026, 10, 1), Source.OSR);
        CachingMandateRegister cache = cache(Duration.ZERO);

        cache.lookup(key);
        clock.advance(Duration.ofMinutes(29));
        cache.lookup(key);
        assertThat(upstream.calls).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        cache.lookup(key);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void keepsADenialOnlyForTheNegativeTimeToLive() {
        upstream.answer = q -> MandateAnswer.denied(Source.OSR);
        CachingMandateRegister cache = cache(Duration.ZERO);

        cache.lookup(key);
        clock.advance(NEGATIVE.minusSeconds(1));
        MandateAnswer cached = cache.lookup(key);
        clock.advance(Duration.ofSeconds(2));
        MandateAnswer fresh = cache.lookup(key);

        assertThat(cached.granted()).isFalse();
        assertThat(cached.source()).isEqualTo(Source.CACHE);
        assertThat(fresh.source()).isEqualTo(Source.OSR);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void doesNotKeepUnavailability() {
        upstream.answer = ScriptedRegister::unavailable;
        CachingMandateRegister cache = cache(Duration.ZERO);

        assertThatThrownBy(() -> cache.lookup(key)).isInstanceOf(MandateRegisterUnavailableException.class);
        upstream.answer = q -> MandateAnswer.granted(null, Source.OSR);
        MandateAnswer recovered = cache.lookup(key);

        assertThat(recovered.granted()).isTrue();
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void keepsAnswersPerSupplierSchoolAndDay() {
        CachingMandateRegister cache = cache(Duration.ZERO);

        cache.lookup(key);
        cache.lookup(query(LAS_A, "99AB"));
        cache.lookup(new MandateQuery(LAS_A, key.schoolOin(), key.serviceNamespace(), key.referenceDate().plusDays(1)));

        assertThat(upstream.calls).hasValue(3);
    }

    @Test
    void fiftyConcurrentLookupsForANewKeyMakeOneUpstreamCall() throws Exception {
        CachingMandateRegister cache = cache(Duration.ZERO);
        upstream.gate = new CountDownLatch(1);
        List<Future<MandateAnswer>> answers = startConcurrentLookups(cache, 50);

        Thread.sleep(200); // let every lookup reach the cache while the first upstream call is held
        upstream.gate.countDown();

        for (Future<MandateAnswer> f : answers) {
            assertThat(f.get(10, TimeUnit.SECONDS).granted()).isTrue();
        }
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void concurrentLookupsShareOneFailureAndAreAllRefused() throws Exception {
        CachingMandateRegister cache = cache(Duration.ZERO);
        upstream.answer = ScriptedRegister::unavailable;
        upstream.gate = new CountDownLatch(1);
        List<Future<MandateAnswer>> answers = startConcurrentLookups(cache, 20);

        Thread.sleep(200);
        upstream.gate.countDown();

        for (Future<MandateAnswer> f : answers) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(MandateRegisterUnavailableException.class);
        }
        assertThat(upstream.calls).hasValue(1);
    }

    @Test
    void withoutStaleIfErrorAnExpiredGrantIsNotUsedDuringAnOutage() {
        CachingMandateRegister cache = cache(Duration.ZERO);
        cache.lookup(key);
        clock.advance(POSITIVE.plusSeconds(1));
        upstream.answer = ScriptedRegister::unavailable;

        assertThatThrownBy(() -> cache.lookup(key)).isInstanceOf(MandateRegisterUnavailableException.class);
    }

    @Test
    void staleIfErrorServesTheLastGrantDuringAnOutageWithinItsBound() {
        CachingMandateRegister cache = cache(Duration.ofMinutes(30));
        cache.lookup(key);
        clock.advance(POSITIVE.plusMinutes(20));
        upstream.answer = ScriptedRegister::unavailable;

        MandateAnswer stale = cache.lookup(key);

        assertThat(stale.granted()).isTrue();
        assertThat(stale.source()).isEqualTo(Source.CACHE);
        assertThat(upstream.calls).hasValue(2);
    }

    @Test
    void staleIfErrorEndsAfterItsBound() {
        CachingMandateRegister cache = cache(Duration.ofMinutes(30));
        cache.lookup(key);
        clock.advance(POSITIVE.plusMinutes(31));
        upstream.answer = ScriptedRegister::unavailable;

        assertThatThrownBy(() -> cache.lookup(key)).isInstanceOf(MandateRegisterUnavailableException.class);
    }

    @Test
    void staleIfErrorNeverServesAGrantPastTheMandatesEnd() {
        clock.set(Instant.parse("2026-10-01T21:30:00Z"));
        upstream.answer = q -> MandateAnswer.granted(LocalDate.of(2026, 10, 1), Source.OSR);
        CachingMandateRegister cache = cache(Duration.ofHours(6));
        cache.lookup(key);
        clock.advance(Duration.ofMinutes(31));
        upstream.answer = ScriptedRegister::unavailable;

        assertThatThrownBy(() -> cache.lookup(key)).isInstanceOf(MandateRegisterUnavailableException.class);
    }

    @Test
    void staleIfErrorNeverTurnsADenialIntoAGrant() {
        CachingMandateRegister cache = cache(Duration.ofHours(1));
        upstream.answer = q -> MandateAnswer.denied(Source.OSR);
        cache.lookup(key);
        clock.advance(NEGATIVE.plusSeconds(1));
        upstream.answer = ScriptedRegister::unavailable;

        assertThatThrownBy(() -> cache.lookup(key)).isInstanceOf(MandateRegisterUnavailableException.class);
    }

    private List<Future<MandateAnswer>> startConcurrentLookups(CachingMandateRegister cache, int n) {
        pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MandateAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return cache.lookup(key);
            }));
        }
        start.countDown();
        return answers;
    }
}
