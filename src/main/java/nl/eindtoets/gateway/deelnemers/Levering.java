package nl.eindtoets.gateway.deelnemers;

import java.util.Objects;

/**
 * How a participant list arrived and how it is applied: over which channel, as a full replacement or as changes,
 * and (REST only) the LAS's routeringskenmerk that results are later pushed back to.
 *
 * @param eduFrom the {@code edu-from} routeringskenmerk of a REST delivery; null over SOAP
 */
public record Levering(Kanaal kanaal, Soort soort, String eduFrom) {

    /** The front door a delivery came through; shown by the back office beside every participant. */
    public enum Kanaal { SOAP, REST }

    /** Standlevering replaces the school's list; mutatielevering adds and changes pupils and never deletes. */
    public enum Soort {
        STANDLEVERING("standlevering"), MUTATIELEVERING("mutatielevering");

        private final String label;

        Soort(String label) {
            this.label = label;
        }

        /** As stored in {@code participant_delivery.kind}. */
        public String label() {
            return label;
        }

        public static Soort of(String label) {
            for (Soort s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown kind of delivery: " + label);
        }
    }

    /** Every BrengDeelnemers: a standlevering over SOAP. */
    public static final Levering SOAP = new Levering(Kanaal.SOAP, Soort.STANDLEVERING, null);

    public Levering {
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(soort, "soort");
    }

    public static Levering rest(Soort soort, String eduFrom) {
        return new Levering(Kanaal.REST, soort, Objects.requireNonNull(eduFrom, "eduFrom"));
    }
}
