package nl.eindtoets.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import nl.eindtoets.gateway.mandate.MandateDecision;
import nl.eindtoets.gateway.mandate.MandateDecisionLog;
import nl.eindtoets.gateway.push.OutboxStatus;
import nl.eindtoets.gateway.push.PushEvents;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.security.ReloadingTrust;
import nl.eindtoets.gateway.security.TrustMaterial;

/**
 * The gateway's Prometheus metrics: requests by operation, outcome and fault code with a latency histogram, mandate
 * decisions by outcome and source (cache hits), CRL freshness, days until configured certificates expire, and the
 * provider that signs.
 */
public final class GatewayMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final String CERTIFICATE_EXPIRY = "gateway.certificate.days.until.expiry";

    private final Clock clock;
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    public GatewayMetrics(Clock clock) {
        this.clock = clock;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    public void recordRequest(String operation, String outcome, String faultCode, Duration elapsed) {
        Timer.builder("gateway.requests")
                .description("Requests by operation, outcome and fault code")
                .tag("operation", operation).tag("outcome", outcome).tag("fault", faultCode == null ? "none" : faultCode)
                .publishPercentileHistogram()
                .register(registry).record(elapsed);
    }

    /** Counts mandate decisions (source CACHE = cache hit) and passes them on, with their request. */
    public MandateDecisionLog countingMandateLog(MandateDecisionLog next) {
        return new MandateDecisionLog() {
            @Override
            public void record(MandateDecision decision) {
                count(decision);
                next.record(decision);
            }

            @Override
            public void record(MandateDecision decision, GatewayRequest request) {
                count(decision);
                next.record(decision, request);
            }
        };
    }

    /** Counts the result push's attempts by outcome: delivered, retried, failed. */
    public PushEvents pushEvents() {
        Counter delivered = pushCounter("delivered");
        Counter retried = pushCounter("retried");
        Counter failed = pushCounter("failed");
        return new PushEvents() {
            @Override
            public void delivered() {
                delivered.increment();
            }

            @Override
            public void retried() {
                retried.increment();
            }

            @Override
            public void failed() {
                failed.increment();
            }
        };
    }

    private Counter pushCounter(String outcome) {
        return Counter.builder("gateway.push.attempts")
                .description("Result push attempts by outcome (delivered, retried, failed)")
                .tag("outcome", outcome).register(registry);
    }

    /**
     * Gauges of the result outbox, read from the database once per scrape (shared by all nodes, so every node shows
     * the same values); NaN while the database cannot answer.
     */
    public void watchOutbox(Supplier<OutboxStatus.Summary> outbox) {
        AtomicReference<OutboxStatus.Summary> last = new AtomicReference<>();
        beforeScrape.add(() -> {
            try {
                last.set(outbox.get());
            } catch (RuntimeException e) {
                last.set(null);
            }
        });
        Gauge.builder("gateway.push.pending", last, l -> l.get() == null ? Double.NaN : l.get().pending())
                .description("Results waiting to be pushed to a LAS").register(registry);
        Gauge.builder("gateway.push.oldest.pending.seconds", last,
                        l -> l.get() == null ? Double.NaN : l.get().oldestPendingAge().toSeconds())
                .description("How long the oldest waiting result has been waiting (0 when none)").register(registry);
    }

    private void count(MandateDecision decision) {
        Counter.builder("gateway.mandate.decisions")
                .description("Mandate decisions by outcome and source (source CACHE: a cache hit)")
                .tag("outcome", decision.outcome().name())
                .tag("source", decision.source().name()).register(registry).increment();
    }

    public void watchTrust(ReloadingTrust trust) {
        Gauge.builder("gateway.crl.seconds.until.next.update", trust, t -> {
            var next = t.earliestNextUpdate();
            return next == null ? Double.NaN : Duration.between(clock.instant(), next).toSeconds();
        }).description("Seconds until the earliest CRL nextUpdate (negative: expired, certificates refused)")
                .register(registry);
        Gauge.builder("gateway.crl.expired", trust, t -> t.expiredCrls().size())
                .description("CRLs in use past their nextUpdate (their CAs' certificates are refused)")
                .register(registry);
    }

    /**
     * The JCA provider that signs the gateway's answers ({@code provider}, e.g. AmazonCorrettoCryptoProvider or
     * SunRsaSign) and the {@code crypto.provider} setting ({@code setting}); the value is always 1.
     */
    public void cryptoProvider(String setting, String provider) {
        Gauge.builder("gateway.crypto.provider", () -> 1)
                .description("The JCA provider of the gateway's RSA-SHA256 signatures (tag provider) and the "
                        + "crypto.provider setting (tag setting); always 1")
                .tag("provider", provider).tag("setting", setting).register(registry);
    }

    /** Days until {@code certificate} (looked up on every scrape, so a rotated key shows its successor) expires. */
    public void watchCertificate(String name, Supplier<X509Certificate> certificate) {
        Gauge.builder(CERTIFICATE_EXPIRY, certificate, c -> daysUntilExpiry(c.get()))
                .tag("certificate", name).tag("kind", "gateway").register(registry);
    }

    /**
     * Days until each CA certificate of the trust store expires, one series per CA (tag {@code certificate} = its
     * subject); the set follows trust store reloads.
     */
    public void watchTrustStore(ReloadingTrust trust) {
        MultiGauge cas = MultiGauge.builder(CERTIFICATE_EXPIRY)
                .description("Days until the certificate expires").register(registry);
        beforeScrape.add(() -> {
            TrustMaterial material = trust.get().trust();
            List<X509Certificate> all = new ArrayList<>(List.of(material.anchorCertificates()));
            all.addAll(material.intermediates());
            cas.register(all.stream().map(c -> MultiGauge.Row.of(
                    Tags.of("certificate", c.getSubjectX500Principal().getName(), "kind", "ca"),
                    daysUntilExpiry(c))).toList(), true);
        });
    }

    private double daysUntilExpiry(X509Certificate certificate) {
        return Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).toHours() / 24.0;
    }

}
