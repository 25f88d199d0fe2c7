package nl.eindtoets.gateway.push;

import java.time.Duration;
import nl.eindtoets.gateway.config.GatewayConfig;

/**
 * The {@code push.*} configuration keys (docs/push.md) and the report link base.
 *
 * @param batchSize   messages claimed per round and sent in parallel
 * @param retention   how long a delivered message is kept before it is purged
 * @param reportBase  {@code server.public-url + rest.base-path}: the report link is {@code reportBase/leerlingrapport/{rapportid}}
 */
public record PushSettings(boolean enabled, Duration pollInterval, int batchSize, Duration connectTimeout,
                           Duration readTimeout, Duration lease, Duration backoffInitial, Duration backoffMax,
                           Duration giveUpAfter, Duration retention, String reportBase) {

    /** Room between the slowest send and the end of its lease, for the database calls around it. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    public PushSettings {
        if (batchSize < 1 || batchSize > 64) {
            throw new IllegalStateException("push.batch-size must be between 1 and 64, not " + batchSize);
        }
        if (lease.compareTo(connectTimeout.plus(readTimeout).plus(LEASE_MARGIN)) < 0) {
            // A shorter lease could expire while the LAS is still answering, and another node would send again.
            throw new IllegalStateException("push.lease must exceed push.connect-timeout + push.read-timeout by "
                    + LEASE_MARGIN.toSeconds() + "s");
        }
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalStateException("push.backoff.initial must be positive and at most push.backoff.max");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("push.retention must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalStateException("push.poll-interval must be positive");
        }
    }

    public static PushSettings from(GatewayConfig config) {
        String publicUrl = config.string("server.public-url").replaceAll("/+$", "");
        return new PushSettings(config.bool("push.enabled"), config.duration("push.poll-interval"),
                config.integer("push.batch-size"), config.duration("push.connect-timeout"),
                config.duration("push.read-timeout"), config.duration("push.lease"),
                config.duration("push.backoff.initial"), config.duration("push.backoff.max"),
                config.duration("push.give-up-after"), config.duration("push.retention"), publicUrl + config.string("rest.base-path"));
    }

    /** The report link of {@code rapportid}, or null when the pupil has none. */
    String reportUrl(String rapportid) {
        return rapportid == null ? null : reportBase + "/leerlingrapport/" + rapportid;
    }
}
