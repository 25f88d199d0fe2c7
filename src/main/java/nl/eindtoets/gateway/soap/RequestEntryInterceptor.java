package nl.eindtoets.gateway.soap;

import java.io.InputStream;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.MDC;

/**
 * Step 1b, before anything is parsed: assigns the correlation id, allows GET only for the published contract
 * ({@code ?wsdl}, {@code ?xsd=}), and bounds the body size: a declared Content-Length over the limit is answered
 * with HTTP 413 at once, a body that grows past it while streaming fails the read.
 */
public final class RequestEntryInterceptor extends AbstractPhaseInterceptor<Message> {

    private final long maxMessageSize;

    public RequestEntryInterceptor(long maxMessageSize) {
        super(Phase.RECEIVE);
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        MDC.put(Correlation.MDC_KEY, Correlation.assign(message.getExchange()));
        String method = (String) message.get(Message.HTTP_REQUEST_METHOD);
        if ("GET".equals(method)) {
            String query = (String) message.get(Message.QUERY_STRING);
            if (query != null && (query.equalsIgnoreCase("wsdl") || query.startsWith("xsd=") || query.startsWith("wsdl="))) {
                return;
            }
            throw httpStatus(405, "Alleen POST is toegestaan, en GET voor ?wsdl en ?xsd.");
        }
        if (!"POST".equals(method)) {
            throw httpStatus(405, "Alleen POST is toegestaan.");
        }
        Object length = firstHeader(message, "Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.toString().strip()) > maxMessageSize) {
                    skipBody(message);
                    throw httpStatus(413, "Het bericht is groter dan toegestaan.");
                }
            } catch (NumberFormatException e) {
                skipBody(message);
                throw httpStatus(400, "Ongeldige Content-Length.");
            }
        }
        // CXF reads whatever is left of the request before it answers (DelegatingInputStream), so the limit goes
        // on that stream too: otherwise a refusal would wait for the whole oversize body to arrive.
        DelegatingInputStream delegating = message.getContent(DelegatingInputStream.class);
        if (delegating != null) {
            delegating.setInputStream(new LimitedInputStream(delegating.getInputStream(), maxMessageSize));
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null && in != delegating) {
            message.setContent(InputStream.class, new LimitedInputStream(in, maxMessageSize));
        }
    }

    /** A refused body is not read at all: the answer goes out at once and the connection is not reused. */
    private static void skipBody(Message message) {
        DelegatingInputStream delegating = message.getContent(DelegatingInputStream.class);
        if (delegating != null) {
            delegating.setInputStream(InputStream.nullInputStream());
        }
        message.setContent(InputStream.class, InputStream.nullInputStream());
    }

    private static Object firstHeader(Message message, String name) {
        @SuppressWarnings("unchecked")
        var headers = (java.util.Map<String, java.util.List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            return null;
        }
        for (var e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static HttpStatusFault httpStatus(int status, String text) {
        return new HttpStatusFault(status, text);
    }
}
