package nl.eindtoets.gateway.envelope;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/** Refuses what a SOAP message may not contain (SOAP 1.1 §3): a DTD, and so any entity reference. */
public final class NoDocumentTypeReader extends StreamReaderDelegate {

    public NoDocumentTypeReader(XMLStreamReader reader) {
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
