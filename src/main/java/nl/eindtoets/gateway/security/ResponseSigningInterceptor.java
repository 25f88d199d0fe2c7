package nl.eindtoets.gateway.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapOutInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.staxutils.W3CDOMStreamReader;
import org.apache.cxf.staxutils.W3CDOMStreamWriter;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.handler.HandlerAction;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandler;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Signs responses as 2W-be-S (Digikoppeling WB004, WB014): Timestamp first, the gateway's certificate as a
 * BinarySecurityToken by direct reference, RSA-SHA256 over Body, Timestamp, every WS-Addressing header and the
 * SignatureConfirmation of the request's signature. Faults are signed only for requests that passed WS-Security;
 * a request that failed it has no signature to confirm and no verified peer to answer to.
 *
 * <p>The response is written into a plain DOM, signed there by WSS4J, and then copied to the real writer: no SAAJ
 * tree is built on the way out.
 */
public final class ResponseSigningInterceptor extends AbstractSoapInterceptor {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String ORIGINAL_WRITER = ResponseSigningInterceptor.class.getName() + ".originalWriter";
    private static final String DOM_WRITER = ResponseSigningInterceptor.class.getName() + ".domWriter";

    private final Signer signer;
    private final SignAndWrite ending = new SignAndWrite();

    public ResponseSigningInterceptor(SecuritySettings settings, GatewayKey key) {
        super(Phase.PRE_PROTOCOL);
        this.signer = new Signer(properties(settings), key);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if (message.getExchange().get(VerifiedSignature.class) == null || message.containsKey(ORIGINAL_WRITER)) {
            return;
        }
        XMLStreamWriter original = message.getContent(XMLStreamWriter.class);
        W3CDOMStreamWriter dom = new W3CDOMStreamWriter();
        message.put(ORIGINAL_WRITER, original);
        message.put(DOM_WRITER, dom);
        message.setContent(XMLStreamWriter.class, dom);
        // A DOM in the message also tells the data binding not to bypass the writer for the raw output stream.
        message.setContent(Node.class, dom.getDocument());
        message.getInterceptorChain().add(ending);
    }

    /** A failure later in the chain: give the fault chain the real writer back. */
    @Override
    public void handleFault(SoapMessage message) {
        XMLStreamWriter original = (XMLStreamWriter) message.remove(ORIGINAL_WRITER);
        if (message.remove(DOM_WRITER) != null) {
            message.removeContent(Node.class);
        }
        if (original != null) {
            message.setContent(XMLStreamWriter.class, original);
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
            W3CDOMStreamWriter dom = (W3CDOMStreamWriter) message.remove(DOM_WRITER);
            XMLStreamWriter original = (XMLStreamWriter) message.remove(ORIGINAL_WRITER);
            if (dom == null || original == null) {
                return;
            }
            Document doc = dom.getDocument();
            try {
                signer.sign(doc, message);
            } catch (WSSecurityException e) {
                throw new Fault(e);
            }
            try {
                StaxUtils.copy(new W3CDOMStreamReader(doc), original);
                original.flush();
            } catch (XMLStreamException e) {
                throw new Fault(e);
            }
            message.setContent(XMLStreamWriter.class, original);
        }
    }

    /** WSS4J's sender actions (Timestamp, Signature, SignatureConfirmation) with this gateway's settings. */
    private static final class Signer extends WSHandler {

        private final Map<String, Object> options;
        private final GatewayKey key;
        /** Shared by all responses, as the verifying side shares its own; each response has its RequestData. */
        private final WSSConfig config = WSSConfig.getNewInstance();
        /** Decoded once; WSS4J reorders a copy when it must, never this list. */
        private final List<HandlerAction> actions;

        Signer(Map<String, Object> options, GatewayKey key) {
            this.options = options;
            this.key = key;
            try {
                this.actions = List.copyOf(WSSecurityUtil.decodeHandlerAction(
                        (String) options.get(ConfigurationConstants.ACTION), config));
            } catch (WSSecurityException e) {
                throw new IllegalStateException("the response signing actions are not valid", e);
            }
        }

        void sign(Document doc, SoapMessage message) throws WSSecurityException {
            RequestData data = new RequestData();
            data.setWssConfig(config);
            data.setMsgContext(message);
            data.setUsername((String) options.get(ConfigurationConstants.USER));
            doSenderAction(doc, data, actions, false);
        }

        /** The current key, so a rotated key signs from the next response on. */
        @Override
        public Crypto loadSignatureCrypto(RequestData requestData) {
            return key.signingCrypto();
        }

        @Override
        public Object getOption(String key) {
            return options.get(key);
        }

        @Override
        public Object getProperty(Object msgContext, String key) {
            Message message = (Message) msgContext;
            Object value = message.get(key);
            if (value == null && WSHandlerConstants.RECV_RESULTS.equals(key) && message.getExchange().getInMessage() != null) {
                value = message.getExchange().getInMessage().get(key);
            }
            return value != null ? value : options.get(key);
        }

        @Override
        public void setProperty(Object msgContext, String key, Object value) {
            ((Message) msgContext).put(key, value);
        }

        @Override
        public String getPassword(Object msgContext) {
            return null;
        }

        @Override
        public void setPassword(Object msgContext, String password) {
            // passwords come from the callback handler
        }
    }

    private static Map<String, Object> properties(SecuritySettings settings) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.USER, settings.keyAlias());
        char[] password = settings.keystorePassword().clone();
        p.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(password));
                }
            }
        });
        p.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        p.put(ConfigurationConstants.SIG_ALGO, SignatureAlgorithms.RSA_SHA256);
        p.put(ConfigurationConstants.SIG_DIGEST_ALGO, SignatureAlgorithms.SHA256);
        p.put(ConfigurationConstants.SIG_C14N_ALGO, SignatureAlgorithms.EXC_C14N);
        p.put(ConfigurationConstants.SIGNATURE_PARTS,
                "{}{" + WSU + "}Timestamp;{}{" + SOAP11 + "}Body;{}{" + WSA + "}Action;{}{" + WSA + "}MessageID;{}{"
                        + WSA + "}RelatesTo");
        p.put(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS, "{}{" + WSA + "}To;{}{" + WSA + "}From");
        p.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(settings.timestampTtl().toSeconds()));
        p.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "true");
        p.put(ConfigurationConstants.MUST_UNDERSTAND, "true");
        return p;
    }
}
