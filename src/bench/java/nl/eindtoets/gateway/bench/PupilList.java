package nl.eindtoets.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A schema-valid {@code deelnemers_aanlevering} for one school with {@code n} pupils in two groups (8a and 7b),
 * every pupil with key, ECK-iD, achternaam, voorletters-1, roepnaam, geboortedatum, geslacht, jaargroep and groep.
 * Deterministic, so both servers get byte-identical bodies; only {@code aanmaakdatum} differs per request, and the
 * BRIN (in brincode and the keys) per school, which keeps the size the same for every school.
 */
final class PupilList {

    private static final String GW = "urn:eindtoets-gateway:1";
    private static final String LG = "http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens";
    private static final String[] SURNAMES = {"Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
        "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Dijkstra", "Yilmaz", "El Amrani", "Kramer"};
    private static final String[] FIRST_NAMES = {"Sanne", "Thijs", "Elif", "Daan", "Emma", "Noah", "Julia", "Sem",
        "Mila", "Lucas", "Tess", "Finn", "Zoë", "Levi", "Nora", "Milan"};
    static final DateTimeFormatter AANMAAKDATUM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private PupilList() {
    }

    /** The body as an element of its own document; {@code aanmaakdatum} is set with {@link #setAanmaakdatum}. */
    static Element body(int pupils, String brin) {
        StringBuilder xml = new StringBuilder(512 + pupils * 520);
        xml.append("<gw:deelnemers_aanlevering xmlns:gw=\"").append(GW).append("\" xmlns:lg=\"").append(LG)
                .append("\"><lg:leerlinggegevens><lg:school><lg:schooljaar>2026-2027</lg:schooljaar>")
                .append("<lg:peildatum>2026-11-15</lg:peildatum><lg:brincode>").append(brin)
                .append("</lg:brincode><lg:dependancecode>00</lg:dependancecode>")
                .append("<lg:aanmaakdatum>2026-11-15T10:00:00.000</lg:aanmaakdatum><lg:auteur>benchmark</lg:auteur>")
                .append("<lg:xsdversie>2.2</lg:xsdversie></lg:school><lg:groepen>")
                .append("<lg:groep key=\"").append(brin).append("-grp-8a\"><lg:naam>Groep 8a</lg:naam><lg:jaargroep>8</lg:jaargroep></lg:groep>")
                .append("<lg:groep key=\"").append(brin).append("-grp-7b\"><lg:naam>Groep 7b</lg:naam><lg:jaargroep>7</lg:jaargroep></lg:groep>")
                .append("</lg:groepen><lg:leerlingen>");
        LocalDate born8 = LocalDate.of(2014, 10, 1);
        for (int i = 1; i <= pupils; i++) {
            boolean eight = i % 2 == 1;
            String first = FIRST_NAMES[i % FIRST_NAMES.length];
            xml.append("<lg:leerling key=\"").append(brin).append("-lln-").append(String.format("%05d", i))
                    .append("\" eckid=\"")
                    .append(eckid(i)).append("\"><lg:achternaam>")
                    .append(SURNAMES[(i * 7) % SURNAMES.length]).append("</lg:achternaam><lg:voorletters-1>")
                    .append(first.charAt(0)).append("</lg:voorletters-1><lg:roepnaam>").append(first)
                    .append("</lg:roepnaam><lg:geboortedatum>")
                    .append(born8.plusYears(eight ? 0 : 1).plusDays(i % 360)).append("</lg:geboortedatum><lg:geslacht>")
                    .append(i % 3 == 0 ? 9 : 1 + i % 2).append("</lg:geslacht><lg:jaargroep>").append(eight ? 8 : 7)
                    .append("</lg:jaargroep><lg:groep key=\"").append(brin).append(eight ? "-grp-8a" : "-grp-7b")
                    .append("\"/></lg:leerling>");
        }
        xml.append("</lg:leerlingen></lg:leerlinggegevens></gw:deelnemers_aanlevering>");
        try {
            return SecureXml.parse(xml.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalStateException("generated body is not well-formed", e);
        }
    }

    /** Sets school/aanmaakdatum: later requests carry later lists, as a store that refuses older lists needs. */
    static void setAanmaakdatum(Element body, LocalDateTime when) {
        body.getElementsByTagNameNS(LG, "aanmaakdatum").item(0).setTextContent(AANMAAKDATUM.format(when));
    }

    /** An ECK-iD shaped identifier (prefix and 128 lowercase hex), unique per pupil number. */
    private static String eckid(int i) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-512")
                    .digest(("bench-pupil-" + i).getBytes(StandardCharsets.UTF_8));
            return "https://ketenid.nl/201703/" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
