package nl.eindtoets.gateway.security;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic trust upkeep, run every {@code trust.reload-check-interval}: reloads the gateway key and the trust
 * store / CRL files when their files changed; downloads the CRLs from their distribution points every
 * {@code trust.crl.refresh-interval}, and more often (every tenth of that interval) once the earliest nextUpdate is
 * within one interval, so a fresh CRL is in place before the old one expires. Raises an ERROR alert line whenever a
 * CRL in use passes its nextUpdate (the metric {@code gateway_crl_expired} says the same).
 */
public final class TrustRefresh implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TrustRefresh.class);

    private final GatewayKey key;
    private final ReloadingTrust trust;
    private final boolean downloadsCrls;
    private final Duration refreshInterval;
    private final Clock clock;
    private Instant lastDownload;
    private Set<String> alertedExpired = Set.of();

    public TrustRefresh(GatewayKey key, ReloadingTrust trust, boolean downloadsCrls, Duration refreshInterval,
                        Clock clock) {
        this.key = key;
        this.trust = trust;
        this.downloadsCrls = downloadsCrls;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.lastDownload = clock.instant();
    }

    @Override
    public synchronized void run() {
        try {
            key.reloadIfChanged();
            if (downloadsCrls && downloadDue(clock.instant())) {
                lastDownload = clock.instant();
                trust.reload();
            } else {
                trust.reloadIfChanged();
            }
            alertOnExpiredCrls();
        } catch (RuntimeException e) {
            // Never let one bad round stop the schedule.
            LOG.error("trust refresh failed: {}", e.toString(), e);
        }
    }

    private boolean downloadDue(Instant now) {
        Duration sinceLast = Duration.between(lastDownload, now);
        if (sinceLast.compareTo(refreshInterval) >= 0) {
            return true;
        }
        Instant nextUpdate = trust.earliestNextUpdate();
        boolean near = nextUpdate != null && Duration.between(now, nextUpdate).compareTo(refreshInterval) <= 0;
        return near && sinceLast.compareTo(refreshInterval.dividedBy(10)) >= 0;
    }

    private void alertOnExpiredCrls() {
        List<X509CRL> expired = trust.expiredCrls();
        Set<String> now = expired.stream().map(c -> c.getIssuerX500Principal().getName()).collect(Collectors.toSet());
        for (X509CRL crl : expired) {
            String issuer = crl.getIssuerX500Principal().getName();
            if (!alertedExpired.contains(issuer)) {
                LOG.error("ALERT: CRL of {} expired at {}; certificates of that CA are refused until a fresh CRL"
                        + " is loaded", issuer, crl.getNextUpdate().toInstant());
            }
        }
        alertedExpired = now;
    }
}
