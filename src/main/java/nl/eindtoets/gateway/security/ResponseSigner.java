package nl.eindtoets.gateway.security;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import nl.eindtoets.gateway.request.VerifiedSignature;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.HandlerAction;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandler;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.w3c.dom.Document;

/**
 * Signs an answer envelope as 2W-be-S (Digikoppeling WB004, WB014): Timestamp first, the gateway's certificate as a
 * BinarySecurityToken by direct reference, RSA-SHA256 over Body, Timestamp, every WS-Addressing header and the
 * SignatureConfirmation of the request's signature. Works on a plain DOM; which answers are signed is the caller's
 * decision.
 */
public final class ResponseSigner {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";

    private final Handler handler;

    public ResponseSigner(SecuritySettings settings, GatewayKey key) {
        this.handler = new Handler(properties(settings), key);
    }

    /**
     * Signs {@code envelope} in place, confirming {@code request}'s signature.
     *
     * @throws WSSecurityException when the envelope cannot be signed (e.g. a required header is missing); the
     *                             envelope may then hold a partial security header
     */
    public void sign(Document envelope, VerifiedSignature request) throws WSSecurityException {
        handler.sign(envelope, request);
    }

    /** WSS4J's sender actions (Timestamp, Signature, SignatureConfirmation) with this gateway's settings. */
    private static final class Handler extends WSHandler {

        private final Map<String, Object> options;
        private final GatewayKey key;
        /** Shared by all responses, as the verifying side shares its own; each response has its RequestData. */
        private final WSSConfig config = WSSConfig.getNewInstance();
        /** Decoded once; WSS4J reorders a copy when it must, never this list. */
        private final List<HandlerAction> actions;

        Handler(Map<String, Object> options, GatewayKey key) {
            this.options = options;
            this.key = key;
            try {
                this.actions = List.copyOf(WSSecurityUtil.decodeHandlerAction(
                        (String) options.get(ConfigurationConstants.ACTION), config));
            } catch (WSSecurityException e) {
                throw new IllegalStateException("the response signing actions are not valid", e);
            }
        }

        void sign(Document doc, VerifiedSignature request) throws WSSecurityException {
            // WSS4J finds the signature to confirm among the "received results": the request's, as verified.
            WSSecurityEngineResult received = new WSSecurityEngineResult(WSConstants.SIGN);
            received.put(WSSecurityEngineResult.TAG_SIGNATURE_VALUE, Base64.getDecoder().decode(request.signatureValue()));
            Map<String, Object> context = new HashMap<>();
            context.put(WSHandlerConstants.RECV_RESULTS, List.of(new WSHandlerResult(null, List.of(received),
                    Map.of(WSConstants.SIGN, List.of(received)))));
            RequestData data = new RequestData();
            data.setWssConfig(config);
            data.setMsgContext(context);
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
            Object value = ((Map<?, ?>) msgContext).get(key);
            return value != null ? value : options.get(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void setProperty(Object msgContext, String key, Object value) {
            ((Map<String, Object>) msgContext).put(key, value);
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
