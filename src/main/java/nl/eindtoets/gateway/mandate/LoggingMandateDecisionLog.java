package nl.eindtoets.gateway.mandate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mandate decision as one key=value line on logger {@code nl.eindtoets.gateway.audit.mandate}, so it can
 * be routed to its own appender. Holds only identifiers of organisations, never personal data.
 */
public final class LoggingMandateDecisionLog implements MandateDecisionLog {

    static final String LOGGER = "nl.eindtoets.gateway.audit.mandate";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void record(MandateDecision d) {
        String line = line(d);
        if (d.outcome() == MandateDecision.Outcome.GRANTED) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }

    static String line(MandateDecision d) {
        return "mandate_decision time=" + d.time()
                + " message_id=" + quoted(d.messageId())
                + " signer_oin=" + d.signerOin()
                + " school_oin=" + d.schoolOin()
                + " service_version_namespace=" + quoted(d.serviceNamespace())
                + " reference_date=" + d.referenceDate()
                + " outcome=" + d.outcome()
                + " source=" + d.source();
    }

    /** MessageIDs come from the peer: quote them and neutralise quotes and line breaks (no log forging). */
    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + '"';
    }
}
