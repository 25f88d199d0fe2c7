package nl.eindtoets.gateway.envelope;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal;

/**
 * Passes the request through unchanged, but refuses a SOAP 1.1 {@code Envelope}, {@code Header} or {@code Body}
 * element anywhere but its own place (the root; a child of the Envelope, Header before Body, each once).
 *
 * <p>Why: the SOAP stack takes the first {@code soap:Body} start tag it meets, at any depth, as the message body and
 * never reads on. A signed Body moved into a header with a new Body behind it (signature wrapping) would then be
 * verified and processed while the Body on the wire, which every other reader of the message sees, is not signed.
 * Refusing the misplaced element keeps the signed Body and the wire Body one and the same.
 *
 * <p>The first misplaced element is remembered, not thrown at once: the document is read to its end, so that the
 * refusal can still name the request's WS-Addressing headers ({@link #violation()}); nothing reads the tree before
 * the violation has been checked.
 */
public final class EnvelopeStructureReader extends StreamReaderDelegate {

    private static final String SOAP11 = Refusal.SOAP_ENV;

    private int depth;
    private boolean headerSeen;
    private boolean bodySeen;
    private String misplaced;

    public EnvelopeStructureReader(XMLStreamReader reader) {
        super(reader);
        if (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
            enter();
        }
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            enter();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }

    /** Implemented on {@link #next()} so that no start tag bypasses the check. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()
                || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    /** Implemented on {@link #next()} so that the depth stays right. */
    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not at a start tag", getLocation());
        }
        StringBuilder text = new StringBuilder();
        for (int event = next(); event != XMLStreamConstants.END_ELEMENT; event = next()) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> text.append(getText());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // not part of the text
                }
                default -> throw new XMLStreamException("element text expected", getLocation());
            }
        }
        return text.toString();
    }

    private void enter() {
        depth++;
        if (!SOAP11.equals(getNamespaceURI())) {
            return;
        }
        String name = getLocalName();
        boolean inPlace = switch (name) {
            case "Envelope" -> depth == 1;
            case "Header" -> depth == 2 && !headerSeen && !bodySeen;
            case "Body" -> depth == 2 && !bodySeen;
            default -> true;
        };
        if (!inPlace && misplaced == null) {
            misplaced = "soap:" + name + " out of place at depth " + depth;
        }
        headerSeen |= "Header".equals(name);
        bodySeen |= "Body".equals(name);
    }

    /** What was out of place first (for the log), or null when the structure is sound. */
    public String misplaced() {
        return misplaced;
    }

    /** The refusal of the first misplaced Envelope, Header or Body element, or null when the structure is sound. */
    public GatewayFault violation() {
        return refusalOf(misplaced);
    }

    /** Refuses the request when an element was out of place. */
    public void requireSound() {
        if (misplaced != null) {
            throw violation();
        }
    }

    /** The refusal of a misplaced element; null for null. */
    public static GatewayFault refusalOf(String misplaced) {
        return misplaced == null ? null : GatewayFault.security(Refusal.SecurityCheck.FAILED_CHECK, misplaced);
    }
}
