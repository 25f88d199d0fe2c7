package nl.eindtoets.gateway.store;

/** The two databases the store must work on identically. */
public enum Engine {
    H2, POSTGRESQL
}
