package nl.eindtoets.gateway.mandate;

/** Where mandate decisions are recorded (the audit store in production, a log line at the least). */
public interface MandateDecisionLog {
    void record(MandateDecision decision);
}
