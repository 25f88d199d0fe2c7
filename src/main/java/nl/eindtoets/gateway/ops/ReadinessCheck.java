package nl.eindtoets.gateway.ops;

/** One condition the gateway needs to serve requests (database, trust material, mandate register). */
public interface ReadinessCheck {

    String name();

    /** Null when ready, otherwise a short reason (no personal data; it is shown on /ready). */
    String problem();
}
