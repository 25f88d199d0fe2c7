package nl.eindtoets.gateway.leerresultaten;

import java.time.OffsetDateTime;

/**
 * HaalLeerresultaten: which school's results are asked for.
 *
 * @param dependancecode  two digits; null means {@code 00}
 * @param laatstOntvangen {@code laatstontvangengegevens}: the {@code aanmaakdatum} of the last answer the LAS
 *                        processed, or null to always get the results
 */
public record LeerresultatenVerzoek(String schooljaar, String brincode, String dependancecode, String xsdversie,
                                    OffsetDateTime laatstOntvangen) {

    public String dependancecodeOrDefault() {
        return dependancecode == null || dependancecode.isEmpty() ? "00" : dependancecode;
    }
}
