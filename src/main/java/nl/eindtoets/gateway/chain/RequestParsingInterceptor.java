package nl.eindtoets.gateway.chain;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.eindtoets.gateway.envelope.EnvelopeStructureReader;
import nl.eindtoets.gateway.envelope.NoDocumentTypeReader;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestDocument;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.staxutils.W3CDOMStreamReader;
import org.w3c.dom.Document;

/**
 * Parses the request once, right after CXF's hardened StAX reader is made (size, depth, count and text limits; the
 * body size limit sits under it), into a plain DOM, and hands the rest of the stack a reader over that same tree:
 * headers, WS-Security, validation and unmarshalling all work on one copy. On the way the envelope structure is
 * checked ({@link EnvelopeStructureReader}) and a document type declaration is refused.
 */
final class RequestParsingInterceptor extends AbstractPhaseInterceptor<Message> {

    RequestParsingInterceptor(String id) {
        super(id, Phase.POST_STREAM);
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        GatewayRequest request = GatewayRequests.of(message.getExchange());
        if (reader == null || request.documentOrNull() != null) {
            return;
        }
        EnvelopeStructureReader structure = new EnvelopeStructureReader(reader);
        Document doc = DOMUtils.createDocument();
        try {
            StaxUtils.readDocElements(doc, doc, new NoDocumentTypeReader(structure), false, false);
            reader.close();
        } catch (XMLStreamException e) {
            throw new GatewayFault(new Refusal.Unreadable("Het bericht is geen geldige SOAP 1.1-envelop.", 500,
                    "not well-formed: " + e.getMessage()), e);
        }
        request.parsed(new RequestDocument(doc, structure.misplaced()));
        message.setContent(XMLStreamReader.class, new W3CDOMStreamReader(doc));
    }
}
