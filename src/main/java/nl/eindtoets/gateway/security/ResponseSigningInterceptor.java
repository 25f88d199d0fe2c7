package nl.eindtoets.gateway.security;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * Signs responses as 2W-be-S (Digikoppeling WB004, WB014): Timestamp first, the gateway's certificate as a
 * BinarySecurityToken by direct reference, RSA-SHA256 over Body, Timestamp, every WS-Addressing header and the
 * SignatureConfirmation of the request's signature. Faults are signed only for requests that passed WS-Security;
 * a request that failed it has no signature to confirm and no verified peer to answer to.
 */
public final class ResponseSigningInterceptor extends WSS4JOutInterceptor {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";

    private final GatewayKey key;

    public ResponseSigningInterceptor(SecuritySettings settings, GatewayKey key) {
        super(properties(settings));
        this.key = key;
    }

    /** The current key, so a rotated key signs from the next response on. */
    @Override
    public Crypto loadSignatureCrypto(RequestData requestData) {
        return key.signingCrypto();
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if (message.getExchange().get(VerifiedSignature.class) != null) {
            super.handleMessage(message);
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
