package nl.eindtoets.gateway.deelnemers;

import java.time.OffsetDateTime;

/**
 * The {@code school} block of a delivery.
 *
 * @param dependancecode two digits; null means {@code 00}
 * @param aanmaakdatum   when the LAS produced the list; orders deliveries (an older one is refused)
 * @param xsdversie      the UWLR schema version the LAS claims (2.2 or 2.3)
 */
public record School(String schooljaar, String brincode, String dependancecode, OffsetDateTime aanmaakdatum,
                     String xsdversie) {

    /** The dependancecode with absent read as {@code 00}, as UWLR prescribes. */
    public String dependancecodeOrDefault() {
        return dependancecode == null || dependancecode.isEmpty() ? "00" : dependancecode;
    }
}
