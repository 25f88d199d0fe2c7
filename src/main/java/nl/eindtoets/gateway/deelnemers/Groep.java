package nl.eindtoets.gateway.deelnemers;

/** A stamgroep of the delivery; pupils refer to it by {@code key}. */
public record Groep(String key, String naam, String jaargroep) {
}
