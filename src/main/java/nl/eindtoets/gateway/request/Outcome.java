package nl.eindtoets.gateway.request;

/** How a request ended, as the audit record and the metrics count it. */
public enum Outcome {
    ACCEPTED, REFUSED, ERROR;

    /** The lower-case name used in audit records and metric tags. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
