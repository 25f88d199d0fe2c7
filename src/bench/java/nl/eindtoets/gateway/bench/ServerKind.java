package nl.eindtoets.gateway.bench;

/** The servers a benchmark run compares. */
public enum ServerKind {
    /** The eindtoets gateway with its full chain, as assembled by {@code app.Gateway}. */
    GATEWAY,
    /** A vanilla CXF endpoint with WS-SecurityPolicy from the same WSDL: the yardstick. */
    BASELINE;

    String label() {
        return name().toLowerCase();
    }
}
