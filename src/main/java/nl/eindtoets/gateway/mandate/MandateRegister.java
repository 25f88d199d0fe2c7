package nl.eindtoets.gateway.mandate;

import nl.eindtoets.gateway.mandate.MandateDecision.Source;

/** Answers whether a mandate holds: the OSR, the embedded file, or a cache in front of either. */
public interface MandateRegister {

    /**
     * @throws MandateRegisterUnavailableException when the register cannot give an answer (unreachable, timeout,
     *                                             unexpected reply); callers must then refuse, never allow
     */
    MandateAnswer lookup(MandateQuery query);

    /** Where this register's own answers come from (for audit records of unavailable answers). */
    Source source();
}
