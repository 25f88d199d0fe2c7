package nl.eindtoets.gateway.edge;

import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.TransportFacts;

/**
 * What may arrive at all, decided before the body is read: POST, or GET for the published contract only
 * ({@code ?wsdl}, {@code ?xsd=}); a declared Content-Length within the message size limit.
 */
public final class RequestLimits {

    private final long maxMessageSize;

    public RequestLimits(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** True for a GET of the contract, which skips the rest of the chain; false for a POST to go on with. */
    public boolean isContractRequest(TransportFacts transport) {
        if ("GET".equals(transport.httpMethod())) {
            String query = transport.query();
            if (query != null && (query.equalsIgnoreCase("wsdl") || query.startsWith("xsd=") || query.startsWith("wsdl="))) {
                return true;
            }
            throw refused(405, "Alleen POST is toegestaan, en GET voor ?wsdl en ?xsd.");
        }
        if (!transport.isPost()) {
            throw refused(405, "Alleen POST is toegestaan.");
        }
        return false;
    }

    /** Refuses a declared length over the limit (413) or one that is not a number (400). */
    public void checkDeclaredLength(TransportFacts transport) {
        String length = transport.contentLength();
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw refused(400, "Ongeldige Content-Length.");
        }
        if (declared > maxMessageSize) {
            throw tooLarge();
        }
    }

    /** The refusal of a body over the limit, whether declared or found while reading. */
    public static GatewayFault tooLarge() {
        return refused(413, "Het bericht is groter dan toegestaan.");
    }

    private static GatewayFault refused(int status, String text) {
        return new GatewayFault(new Refusal.Unreadable(text, status, text));
    }
}
