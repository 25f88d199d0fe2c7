package nl.eindtoets.gateway.client;

import java.nio.charset.StandardCharsets;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Element;

/** Small body payloads; their content does not matter to the client, only that they travel intact. */
final class Payloads {

    private Payloads() {
    }

    static Element leerresultatenVerzoek() throws Exception {
        return parse("""
                <gw:leerresultaten_verzoek xmlns:gw="urn:eindtoets-gateway:1">
                  <gw:schooljaar>2026-2027</gw:schooljaar>
                  <gw:brincode>99AA</gw:brincode>
                  <gw:dependancecode>00</gw:dependancecode>
                </gw:leerresultaten_verzoek>""");
    }

    static Element deelnemersOntvangst() throws Exception {
        return parse("""
                <gw:deelnemers_ontvangst xmlns:gw="urn:eindtoets-gateway:1">
                  <gw:ontvangstid>0b6f3d1e-6d2a-4d8e-9a51-1f0c1e5d7a21</gw:ontvangstid>
                  <gw:aantal_deelnemers>2</gw:aantal_deelnemers>
                  <gw:ontvangen_op>2026-11-30T10:00:00Z</gw:ontvangen_op>
                </gw:deelnemers_ontvangst>""");
    }

    static Element fault(String code, String text, String digikoppeling, String correlation) throws Exception {
        return parse("""
                <soap:Fault xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
                  <faultcode>%s</faultcode>
                  <faultstring xml:lang="nl">%s</faultstring>
                  <detail><gw:foutdetail xmlns:gw="urn:eindtoets-gateway:1"><gw:digikoppelingcode>%s</gw:digikoppelingcode><gw:correlatieid>%s</gw:correlatieid></gw:foutdetail></detail>
                </soap:Fault>""".formatted(code, text, digikoppeling, correlation));
    }

    static Element parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }
}
