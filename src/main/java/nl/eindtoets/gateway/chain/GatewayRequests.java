package nl.eindtoets.gateway.chain;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.edge.Correlation;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.TransportFacts;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.security.transport.TLSSessionInfo;

/** Where the chain keeps the one {@link GatewayRequest} of a CXF exchange: under its class, nowhere else. */
final class GatewayRequests {

    private GatewayRequests() {
    }

    /** Opens the request record on arrival, with what the transport knows of it. */
    static GatewayRequest open(Message message, String operation) {
        GatewayRequest request = new GatewayRequest(Correlation.newId(), operation, transportFacts(message));
        message.getExchange().put(GatewayRequest.class, request);
        return request;
    }

    /** The request of {@code exchange}; fails closed when the chain never opened one. */
    static GatewayRequest of(Exchange exchange) {
        GatewayRequest request = orNull(exchange);
        if (request == null) {
            throw new IllegalStateException("no request record on this exchange");
        }
        return request;
    }

    /**
     * The request of {@code message}'s exchange, or one opened now for a failure that came before arrival was
     * recorded, so that even that failure is answered with a correlation id and audited.
     */
    static GatewayRequest orOpen(Message message, String operation) {
        GatewayRequest request = orNull(message.getExchange());
        if (request != null) {
            return request;
        }
        Message in = message.getExchange().getInMessage();
        return open(in != null ? in : message, operation);
    }

    static GatewayRequest orNull(Exchange exchange) {
        return exchange == null ? null : exchange.get(GatewayRequest.class);
    }

    private static TransportFacts transportFacts(Message message) {
        TLSSessionInfo tls = message.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        List<X509Certificate> chain = new ArrayList<>();
        if (peer != null) {
            for (Certificate c : peer) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
        }
        Object contentType = message.get(Message.CONTENT_TYPE);
        return new TransportFacts((String) message.get(Message.HTTP_REQUEST_METHOD),
                (String) message.get(Message.QUERY_STRING), header(message, "SOAPAction"),
                contentType != null ? contentType.toString() : header(message, "Content-Type"),
                header(message, "Content-Length"), chain);
    }

    private static String header(Message message, String name) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            return null;
        }
        for (var e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
