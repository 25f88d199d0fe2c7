package nl.eindtoets.gateway.leerresultaten;

import java.time.OffsetDateTime;

/**
 * HaalLeerresultaten: which school's results are asked for.
 *
 * @param dependancecode  two digits; null means {@code 00}
 * @param xsdversie       the UWLR schema version the LAS asks for; optional, null when the request has none
 * @param laatstOntvangen {@code laatstontvangengegevens}: the {@code aanmaakdatum} of the last answer the LAS
 *                        processed, or null to always get the results
 */
public record LeerresultatenVerzoek(String schooljaar, String brincode, String dependancecode, String xsdversie,
                                    OffsetDateTime laatstOntvangen) {

    /** The UWLR version whose shape the answer has; what the answer carries when the request names none. */
    public static final String DEFAULT_XSDVERSIE = "2.2";

    public String dependancecodeOrDefault() {
        return dependancecode == null || dependancecode.isEmpty() ? "00" : dependancecode;
    }

    /** The version for the answer's {@code school/xsdversie}: the one asked for, or 2.2 when none is. */
    public String xsdversieOrDefault() {
        return xsdversie == null ? DEFAULT_XSDVERSIE : xsdversie.strip();
    }
}
