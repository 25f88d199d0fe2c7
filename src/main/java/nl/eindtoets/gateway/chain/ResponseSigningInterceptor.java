package nl.eindtoets.gateway.chain;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapOutInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.staxutils.W3CDOMStreamReader;
import org.apache.cxf.staxutils.W3CDOMStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs what the request record says is signed ({@link GatewayRequest#answerIsSigned()}): answers, and faults for
 * requests that passed WS-Security. The envelope is written into a plain DOM, signed there, and then copied to the
 * real writer: no SAAJ tree is built on the way out.
 *
 * <p>A fault that cannot be signed (a request whose WS-Addressing headers the answer cannot carry, a key that fails)
 * still goes out, unsigned, with HTTP 500 and its own code: the fault path never answers anything but a fault.
 */
final class ResponseSigningInterceptor extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseSigningInterceptor.class);
    private static final String WSSE = Refusal.WSSE;

    private final AnswerSigner signer;
    private final SignAndWrite ending = new SignAndWrite();

    ResponseSigningInterceptor(AnswerSigner signer) {
        super(Phase.PRE_PROTOCOL);
        this.signer = signer;
    }

    /** The writers of one answer while it is built in the DOM. */
    private record Pending(XMLStreamWriter original, W3CDOMStreamWriter dom) {
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        GatewayRequest request = GatewayRequests.orNull(message.getExchange());
        if (request == null || !request.answerIsSigned() || message.get(Pending.class) != null) {
            return;
        }
        Pending pending = new Pending(message.getContent(XMLStreamWriter.class), new W3CDOMStreamWriter());
        message.put(Pending.class, pending);
        message.setContent(XMLStreamWriter.class, pending.dom());
        // A DOM in the message also tells the data binding not to bypass the writer for the raw output stream.
        message.setContent(Node.class, pending.dom().getDocument());
        message.getInterceptorChain().add(ending);
    }

    /** A failure later in the chain: give the fault chain the real writer back. */
    @Override
    public void handleFault(SoapMessage message) {
        Pending pending = (Pending) message.remove(Pending.class);
        if (pending != null) {
            message.removeContent(Node.class);
            message.setContent(XMLStreamWriter.class, pending.original());
            message.remove(SoapOutInterceptor.WROTE_ENVELOPE_START);
        }
    }

    /** After the envelope is complete in the DOM: sign it, then write it to the real writer. */
    private final class SignAndWrite extends AbstractSoapInterceptor {

        SignAndWrite() {
            super(SignAndWrite.class.getName(), Phase.PRE_PROTOCOL_ENDING);
        }

        @Override
        public void handleMessage(SoapMessage message) throws Fault {
            Pending pending = (Pending) message.remove(Pending.class);
            if (pending == null) {
                return;
            }
            GatewayRequest request = GatewayRequests.of(message.getExchange());
            Document doc = pending.dom().getDocument();
            try {
                signer.sign(doc, request.signature());
            } catch (Exception e) {
                if (!MessageUtils.isFault(message)) {
                    throw new Fault(e);
                }
                LOG.error("fault not signed, sent unsigned: correlationId={} code={} reason={}",
                        request.correlationId(), request.refusalOrNull() == null ? "-"
                                : request.refusalOrNull().codeName(), e.toString());
                removeSecurityHeader(doc);
                message.put(Message.RESPONSE_CODE, 500);
            }
            try {
                StaxUtils.copy(new W3CDOMStreamReader(doc), pending.original());
                pending.original().flush();
            } catch (XMLStreamException e) {
                throw new Fault(e);
            }
            message.setContent(XMLStreamWriter.class, pending.original());
        }
    }

    /** Takes out what a failed signing may have left: the whole wsse:Security header. */
    private static void removeSecurityHeader(Document doc) {
        Element envelope = doc.getDocumentElement();
        for (Node part = envelope == null ? null : envelope.getFirstChild(); part != null; part = part.getNextSibling()) {
            if ("Header".equals(part.getLocalName())) {
                Node n = part.getFirstChild();
                while (n != null) {
                    Node next = n.getNextSibling();
                    if (n.getNodeType() == Node.ELEMENT_NODE && WSSE.equals(n.getNamespaceURI())
                            && "Security".equals(n.getLocalName())) {
                        part.removeChild(n);
                    }
                    n = next;
                }
            }
        }
    }
}
