package nl.eindtoets.gateway.soap;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.staxutils.W3CDOMStreamReader;
import org.w3c.dom.Document;

/**
 * Parses the request once, right after the envelope structure guard, into a plain DOM ({@link RequestDocument}), and
 * hands the rest of the stack a reader over that same tree: headers, WS-Security, validation and unmarshalling all
 * work on one copy. The parser is CXF's hardened StAX reader (size, depth, count and text limits; the body size
 * limit sits under it); a document type declaration or entity reference is refused here as well.
 */
public final class RequestParsingInterceptor extends AbstractPhaseInterceptor<Message> {

    public RequestParsingInterceptor() {
        super(Phase.POST_STREAM);
        addAfter(EnvelopeStructureInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null || message.get(RequestDocument.class) != null) {
            return;
        }
        Document doc = DOMUtils.createDocument();
        try {
            StaxUtils.readDocElements(doc, doc, new NoDocumentType(reader), false, false);
            reader.close();
        } catch (XMLStreamException e) {
            throw new SoapFault("the request is not well-formed XML", e, Soap11.getInstance().getSender());
        }
        message.put(RequestDocument.class, new RequestDocument(doc));
        message.setContent(XMLStreamReader.class, new W3CDOMStreamReader(doc));
    }

    /** Refuses what a SOAP message may not contain (SOAP 1.1 §3): a DTD, and so any entity reference. */
    private static final class NoDocumentType extends StreamReaderDelegate {

        NoDocumentType(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                    || event == XMLStreamConstants.ENTITY_DECLARATION || event == XMLStreamConstants.NOTATION_DECLARATION) {
                throw new XMLStreamException("a SOAP message may not contain a document type declaration", getLocation());
            }
            return event;
        }
    }
}
