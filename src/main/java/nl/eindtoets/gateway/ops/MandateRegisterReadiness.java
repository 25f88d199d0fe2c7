package nl.eindtoets.gateway.ops;

import java.util.concurrent.atomic.AtomicReference;
import nl.eindtoets.gateway.mandate.MandateDecision;
import nl.eindtoets.gateway.mandate.MandateDecisionLog;

/**
 * Readiness of the mandate stage, judged from the decisions it takes: not ready while the most recent request could
 * not be answered (register unreachable and nothing cached); ready again as soon as one is answered, by the register
 * or from the cache. Needs no probe calls of its own to the OSR.
 */
public final class MandateRegisterReadiness implements MandateDecisionLog, ReadinessCheck {

    private final AtomicReference<MandateDecision> latest = new AtomicReference<>();

    @Override
    public void record(MandateDecision decision) {
        latest.set(decision);
    }

    @Override
    public String name() {
        return "mandate-register";
    }

    @Override
    public String problem() {
        MandateDecision d = latest.get();
        return d != null && d.outcome() == MandateDecision.Outcome.UNAVAILABLE
                ? "unreachable since " + d.time() + " and no cached answer" : null;
    }
}
