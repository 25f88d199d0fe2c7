package nl.eindtoets.gateway.bench;

/** The servers a benchmark run compares. */
public enum ServerKind {
    /** The eindtoets gateway with its full chain, as assembled by {@code app.Gateway}. */
    GATEWAY,
    /** A vanilla CXF endpoint with WS-SecurityPolicy from the same WSDL: the yardstick. */
    BASELINE,
    /**
     * The same vanilla CXF endpoint without WS-Security ({@code --plain}), sent unsigned requests: what CXF costs on
     * its own over mutual TLS, the ceiling of any WS-Security endpoint built on it.
     */
    PLAIN;

    String label() {
        return name().toLowerCase();
    }
}
