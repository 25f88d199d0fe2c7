package nl.eindtoets.gateway.soap;

import nl.eindtoets.gateway.identity.RequestIdentity;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.w3c.dom.Element;

/**
 * What the chain established about the request being handled, for the endpoint adapters: the verified identity and
 * the digest of the body. Fails closed when called outside a verified request.
 */
public final class CurrentRequest {

    private static final String DIGEST_KEY = CurrentRequest.class.getName() + ".bodyDigest";

    private CurrentRequest() {
    }

    public static RequestIdentity identity() {
        RequestIdentity identity = message().getExchange().get(RequestIdentity.class);
        if (identity == null) {
            throw new IllegalStateException("handler reached without a verified identity");
        }
        return identity;
    }

    public static String bodyDigest() {
        Message m = message();
        String digest = bodyDigestOrNull(m.getExchange());
        if (digest == null) {
            throw new IllegalStateException("no request body");
        }
        return digest;
    }

    /** The digest of the request body of {@code exchange}, computed once; null when there is no body to digest. */
    static String bodyDigestOrNull(Exchange exchange) {
        Object cached = exchange.get(DIGEST_KEY);
        if (cached instanceof String s) {
            return s;
        }
        Message in = exchange.getInMessage();
        RequestDocument request = RequestDocument.orNull(in);
        Element body = request == null ? null : request.body();
        Element payload = body == null ? null : DOMUtils.getFirstElement(body);
        if (payload == null) {
            return null;
        }
        String digest = BodyDigest.of(payload);
        exchange.put(DIGEST_KEY, digest);
        return digest;
    }

    private static Message message() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        if (m == null) {
            throw new IllegalStateException("no current request");
        }
        return m;
    }
}
