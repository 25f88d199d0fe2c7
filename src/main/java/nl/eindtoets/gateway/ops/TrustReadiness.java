package nl.eindtoets.gateway.ops;

import nl.eindtoets.gateway.security.ReloadingTrust;

/** Not ready while a CRL is past its nextUpdate: certificates of that CA are refused until it is renewed. */
public final class TrustReadiness implements ReadinessCheck {

    private final ReloadingTrust trust;

    public TrustReadiness(ReloadingTrust trust) {
        this.trust = trust;
    }

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public String problem() {
        int expired = trust.expiredCrls().size();
        return expired == 0 ? null : expired + " CRL(s) past nextUpdate";
    }
}
