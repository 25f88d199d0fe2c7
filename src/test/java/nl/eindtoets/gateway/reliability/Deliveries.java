package nl.eindtoets.gateway.reliability;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.it.Samples;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Participant lists for the development schools, told apart by their aanmaakdatum, and what came back. */
final class Deliveries {

    static final String LG = "http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens";
    static final String GW = "urn:eindtoets-gateway:1";
    private static final LocalDateTime BASE = LocalDateTime.of(2026, 11, 1, 8, 0, 0);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Deliveries() {
    }

    /** The sample list of {@code brin} (99AA, 99AB, 99AC) with aanmaakdatum {@code sequence} seconds after a base. */
    static Element list(String brin, int sequence) {
        Element body = Samples.body("deelnemers-" + brin);
        NodeList dates = body.getElementsByTagNameNS(LG, "aanmaakdatum");
        dates.item(0).setTextContent(BASE.plusSeconds(sequence).format(FORMAT));
        return body;
    }

    /** The ontvangstid of a verified receipt, or null for anything else. */
    static String receipt(GatewayResponse response) {
        if (response instanceof VerifiedResponse v) {
            NodeList ids = v.payload().getElementsByTagNameNS(GW, "ontvangstid");
            return ids.getLength() == 0 ? null : ids.item(0).getTextContent().strip();
        }
        return null;
    }

    /** "accepted", or the fault code's local name ({@code Server.TijdelijkNietBeschikbaar}, {@code InvalidSecurity}). */
    static String outcome(GatewayResponse response) {
        if (response instanceof SoapFaultInfo f) {
            return f.faultCode().getLocalPart();
        }
        return "accepted";
    }
}
