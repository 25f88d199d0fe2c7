package nl.eindtoets.gateway.it;

import java.util.List;
import java.util.stream.IntStream;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Element;

/**
 * Request bodies built for one test: a participant list of any school with the pupils the test chooses, and the
 * HaalLeerresultaten request, so tests on one gateway each work on a school of their own.
 */
final class Bodies {

    static final String SCHOOLJAAR = "2026-2027";

    /** Surnames given to generated pupils; none of them may ever show up in the audit log. */
    static final List<String> SURNAMES = List.of("Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
            "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer");

    private Bodies() {
    }

    /** A pupil of a generated list: LAS-key and surname. */
    record Pupil(String key, String achternaam) {
    }

    /** Pupils {@code first .. first+count-1} of {@code brin}: keys {@code <brin>-lln-<n>}. */
    static List<Pupil> pupils(String brin, int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(n -> new Pupil(String.format("%s-lln-%04d", brin, n), SURNAMES.get(n % SURNAMES.size())))
                .toList();
    }

    static List<String> keys(List<Pupil> pupils) {
        return pupils.stream().map(Pupil::key).toList();
    }

    /** A BrengDeelnemers body for {@code brin} made at {@code aanmaakdatum} (xs:dateTime, Dutch local time). */
    static Element deelnemers(String brin, String aanmaakdatum, List<Pupil> pupils) {
        return deelnemers(brin, aanmaakdatum, "2.2", pupils);
    }

    static Element deelnemers(String brin, String aanmaakdatum, String xsdversie, List<Pupil> pupils) {
        StringBuilder leerlingen = new StringBuilder();
        for (Pupil p : pupils) {
            leerlingen.append("""
                    <lg:leerling key="%s">
                      <lg:achternaam>%s</lg:achternaam>
                      <lg:voorletters-1>A</lg:voorletters-1>
                      <lg:roepnaam>Kim</lg:roepnaam>
                      <lg:geboortedatum>2015-04-01</lg:geboortedatum>
                      <lg:geslacht>2</lg:geslacht>
                      <lg:jaargroep>8</lg:jaargroep>
                      <lg:groep key="%s-grp-8"/>
                    </lg:leerling>
                    """.formatted(p.key(), p.achternaam(), brin));
        }
        return parse("""
                <gw:deelnemers_aanlevering xmlns:gw="urn:eindtoets-gateway:1"
                    xmlns:lg="http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens">
                  <lg:leerlinggegevens>
                    <lg:school>
                      <lg:schooljaar>%s</lg:schooljaar>
                      <lg:peildatum>2026-11-15</lg:peildatum>
                      <lg:brincode>%s</lg:brincode>
                      <lg:dependancecode>00</lg:dependancecode>
                      <lg:aanmaakdatum>%s</lg:aanmaakdatum>
                      <lg:auteur>LAS voorbeeld</lg:auteur>
                      <lg:xsdversie>%s</lg:xsdversie>
                    </lg:school>
                    <lg:groepen>
                      <lg:groep key="%s-grp-8">
                        <lg:naam>Groep 8</lg:naam>
                        <lg:jaargroep>8</lg:jaargroep>
                      </lg:groep>
                    </lg:groepen>
                    <lg:leerlingen>
                %s    </lg:leerlingen>
                  </lg:leerlinggegevens>
                </gw:deelnemers_aanlevering>
                """.formatted(SCHOOLJAAR, brin, aanmaakdatum, xsdversie, brin, leerlingen));
    }

    /** A HaalLeerresultaten body with xsdversie 2.2; {@code laatstOntvangen} (xs:dateTime) may be null. */
    static Element leerresultatenVerzoek(String brin, String laatstOntvangen) {
        return leerresultatenVerzoek(brin, "2.2", laatstOntvangen);
    }

    /** A HaalLeerresultaten body; a null {@code xsdversie} or {@code laatstOntvangen} leaves the element out. */
    static Element leerresultatenVerzoek(String brin, String xsdversie, String laatstOntvangen) {
        return parse("""
                <gw:leerresultaten_verzoek xmlns:gw="urn:eindtoets-gateway:1">
                  <gw:schooljaar>%s</gw:schooljaar>
                  <gw:brincode>%s</gw:brincode>
                  <gw:dependancecode>00</gw:dependancecode>
                %s%s</gw:leerresultaten_verzoek>
                """.formatted(SCHOOLJAAR, brin,
                xsdversie == null ? "" : "  <gw:xsdversie>" + xsdversie + "</gw:xsdversie>\n",
                laatstOntvangen == null ? ""
                        : "  <gw:laatstontvangengegevens>" + laatstOntvangen + "</gw:laatstontvangengegevens>\n"));
    }

    private static Element parse(String xml) {
        try {
            return SecureXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
