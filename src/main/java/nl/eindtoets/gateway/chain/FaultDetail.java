package nl.eindtoets.gateway.chain;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.eindtoets.gateway.request.Refusal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The contract's fault detail: {@code gw:foutdetail} with the Digikoppeling number and the correlation id. */
final class FaultDetail {

    static final String GW_NS = "urn:eindtoets-gateway:1";

    private FaultDetail() {
    }

    /** A {@code detail} element holding the {@code gw:foutdetail} of {@code refusal}. */
    static Element of(Refusal refusal, String correlationId) {
        try {
            Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            Element detail = doc.createElementNS(null, "detail");
            detail.appendChild(foutdetail(doc, refusal, correlationId));
            doc.appendChild(detail);
            return detail;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Element foutdetail(Document doc, Refusal refusal, String correlationId) {
        Element fout = doc.createElementNS(GW_NS, "gw:foutdetail");
        if (refusal.digikoppelingCode() != null) {
            Element code = doc.createElementNS(GW_NS, "gw:digikoppelingcode");
            code.setTextContent(refusal.digikoppelingCode());
            fout.appendChild(code);
        }
        Element id = doc.createElementNS(GW_NS, "gw:correlatieid");
        id.setTextContent(correlationId);
        fout.appendChild(id);
        return fout;
    }
}
