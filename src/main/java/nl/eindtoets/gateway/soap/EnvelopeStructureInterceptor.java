package nl.eindtoets.gateway.soap;

import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Puts {@link EnvelopeStructureReader} between the XML parser and the SOAP stack, before any header is read, so an
 * Envelope, Header or Body element out of its place is refused before the stack can mistake it for the real one.
 */
public final class EnvelopeStructureInterceptor extends AbstractPhaseInterceptor<Message> {

    public EnvelopeStructureInterceptor() {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null && !(reader instanceof EnvelopeStructureReader)) {
            message.setContent(XMLStreamReader.class, new EnvelopeStructureReader(reader));
        }
    }
}
