package nl.eindtoets.gateway.mandate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps decisions in memory so tests can read what would be audited. */
final class RecordingDecisionLog implements MandateDecisionLog {

    final List<MandateDecision> decisions = new CopyOnWriteArrayList<>();

    @Override
    public void record(MandateDecision decision) {
        decisions.add(decision);
    }

    MandateDecision last() {
        return decisions.get(decisions.size() - 1);
    }
}
