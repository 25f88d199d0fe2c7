package nl.eindtoets.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import nl.eindtoets.gateway.mandate.MandateDecisionLog;
import nl.eindtoets.gateway.security.ReloadingTrust;

/**
 * The gateway's Prometheus metrics: requests by operation, outcome and fault code with a latency histogram, mandate
 * decisions by outcome and source (cache hits), CRL freshness, and days until configured certificates expire.
 */
public final class GatewayMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;

    public GatewayMetrics(Clock clock) {
        this.clock = clock;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    public void recordRequest(String operation, String outcome, String faultCode, Duration elapsed) {
        Timer.builder("gateway.requests")
                .description("Requests by operation, outcome and fault code")
                .tag("operation", operation).tag("outcome", outcome).tag("fault", faultCode == null ? "none" : faultCode)
                .publishPercentileHistogram()
                .register(registry).record(elapsed);
    }

    /** Counts mandate decisions (source CACHE = cache hit) and passes them on. */
    public MandateDecisionLog countingMandateLog(MandateDecisionLog next) {
        return decision -> {
            Counter.builder("gateway.mandate.decisions").tag("outcome", decision.outcome().name())
                    .tag("source", decision.source().name()).register(registry).increment();
            next.record(decision);
        };
    }

    public void watchTrust(ReloadingTrust trust) {
        Gauge.builder("gateway.crl.seconds.until.next.update", trust, t -> {
            var next = t.earliestNextUpdate();
            return next == null ? Double.NaN : Duration.between(clock.instant(), next).toSeconds();
        }).description("Seconds until the earliest CRL nextUpdate (negative: expired, certificates refused)")
                .register(registry);
        Gauge.builder("gateway.crl.expired", trust, t -> t.expiredCrls().size()).register(registry);
    }

    public void watchCertificate(String name, Supplier<X509Certificate> certificate) {
        Gauge.builder("gateway.certificate.days.until.expiry", certificate,
                        c -> Duration.between(clock.instant(), c.get().getNotAfter().toInstant()).toHours() / 24.0)
                .tag("certificate", name).register(registry);
    }

}
