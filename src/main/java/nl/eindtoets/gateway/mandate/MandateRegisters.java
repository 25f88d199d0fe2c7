package nl.eindtoets.gateway.mandate;

import java.time.Clock;
import nl.eindtoets.gateway.config.GatewayConfig;

/** Builds the configured mandate register, with the cache in front of it. */
public final class MandateRegisters {

    private MandateRegisters() {
    }

    public static MandateRegister fromConfig(GatewayConfig config) {
        return fromSettings(MandateSettings.from(config), Clock.system(MandateCheck.ZONE));
    }

    public static MandateRegister fromSettings(MandateSettings s, Clock clock) {
        return new CachingMandateRegister(upstream(s), s.positiveTtl(), s.negativeTtl(), s.staleIfError(),
                s.cacheMaximumSize(), clock);
    }

    /** The register itself, without cache. */
    public static MandateRegister upstream(MandateSettings s) {
        return switch (s.register()) {
            case EMBEDDED -> EmbeddedMandateRegister.fromFile(s.embeddedFile());
            case OSR -> new OsrMandateClient(OsrConnection.fromSettings(s));
        };
    }

    /** The complete mandate stage as the gateway uses it: configured register, cache, and a log of decisions. */
    public static MandateCheck checkFromConfig(GatewayConfig config, MandateDecisionLog decisions) {
        MandateSettings s = MandateSettings.from(config);
        Clock clock = Clock.system(MandateCheck.ZONE);
        return new MandateCheck(fromSettings(s, clock), s.serviceNamespace(), decisions, clock);
    }
}
