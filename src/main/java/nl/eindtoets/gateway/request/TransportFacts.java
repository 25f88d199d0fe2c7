package nl.eindtoets.gateway.request;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the transport knows of a request before its body is read: the HTTP method, the headers the chain uses, and
 * the TLS client certificate chain (already verified by the TLS layer).
 *
 * @param soapAction    the SOAPAction header as sent, or null
 * @param contentType   the Content-Type header, or null
 * @param contentLength the declared Content-Length as sent, or null when the body is chunked
 * @param tlsChain      the client's certificate chain, leaf first; empty without client authentication
 */
public record TransportFacts(String httpMethod, String query, String soapAction, String contentType,
                             String contentLength, List<X509Certificate> tlsChain) {

    public TransportFacts {
        tlsChain = List.copyOf(tlsChain);
    }

    /** The TLS client certificate, or null. */
    public X509Certificate tlsClient() {
        return tlsChain.isEmpty() ? null : tlsChain.get(0);
    }

    public boolean isPost() {
        return "POST".equals(httpMethod);
    }
}
