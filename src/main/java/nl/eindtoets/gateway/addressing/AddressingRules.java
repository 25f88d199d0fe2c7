package nl.eindtoets.gateway.addressing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import nl.eindtoets.gateway.request.AddressingHeaders;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.Refusal.AddressingFault;
import nl.eindtoets.gateway.request.Refusal;

/**
 * The Digikoppeling WUS addressing rules (WA001, WS002, WS008) for requests, free of SOAP types: To, Action and
 * MessageID required, From required (it names the school), ReplyTo and FaultTo only anonymous, Action the
 * endpoint's, SOAPAction empty or equal to Action, and {@code wsa:To ?oin=} when present the gateway's OIN.
 */
public final class AddressingRules {

    public static final String ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";
    private static final int MAX_MESSAGE_ID = 256;

    private AddressingRules() {
    }

    public static void check(AddressingHeaders h, EndpointAddress endpoint, String soapActionHeader) {
        if (h.to() == null) {
            throw required("wsa:To", "0005");
        }
        if (h.action() == null) {
            throw required("wsa:Action", "0006");
        }
        if (h.messageId() == null) {
            throw required("wsa:MessageID", "0007");
        }
        if (h.fromAddress() == null) {
            throw violation(AddressingFault.HEADER_REQUIRED, "0002",
                    "De header wsa:From met het OIN van de school ontbreekt.");
        }
        if (!h.action().equals(endpoint.requestAction())) {
            throw violation(AddressingFault.ACTION_NOT_SUPPORTED, "0003",
                    "De wsa:Action wordt op dit endpoint niet ondersteund.");
        }
        String soapAction = unquote(soapActionHeader);
        if (!soapAction.isEmpty() && !soapAction.equals(h.action())) {
            throw violation(AddressingFault.ACTION_MISMATCH, "0003",
                    "De SOAPAction komt niet overeen met wsa:Action.");
        }
        checkTo(h.to(), endpoint);
        checkMessageId(h.messageId());
        requireAnonymous(h.replyToAddress(), "wsa:ReplyTo");
        requireAnonymous(h.faultToAddress(), "wsa:FaultTo");
    }

    /** The value of the {@code oin} query parameter (name case-insensitive), or null. */
    public static String oinParameter(String address) {
        int q = address.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : address.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).toLowerCase(Locale.ROOT).equals("oin")) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static void checkTo(String to, EndpointAddress endpoint) {
        URI uri;
        try {
            uri = new URI(to);
        } catch (URISyntaxException e) {
            throw invalid("wsa:To is geen geldige URI.");
        }
        if (!uri.isAbsolute() || uri.getPath() == null || !stripSlash(uri.getPath()).equals(stripSlash(endpoint.path()))) {
            throw invalid("wsa:To verwijst niet naar dit endpoint.");
        }
        String oin = oinParameter(to);
        if (oin != null && !oin.equals(endpoint.gatewayOin())) {
            throw invalid("Het OIN in wsa:To is niet dat van deze toetsleverancier.");
        }
    }

    private static void checkMessageId(String messageId) {
        if (messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID) {
            throw invalid("wsa:MessageID is leeg of te lang.");
        }
        try {
            if (!new URI(messageId).isAbsolute()) {
                throw invalid("wsa:MessageID is geen absolute URI.");
            }
        } catch (URISyntaxException e) {
            throw invalid("wsa:MessageID is geen absolute URI.");
        }
    }

    private static void requireAnonymous(String address, String header) {
        if (address == null) {
            return;
        }
        int q = address.indexOf('?');
        String base = q < 0 ? address : address.substring(0, q);
        if (!ANONYMOUS.equals(base)) {
            throw invalid(header + " mag alleen het anonieme adres bevatten.");
        }
    }

    private static String unquote(String soapAction) {
        if (soapAction == null) {
            return "";
        }
        String s = soapAction.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static GatewayFault required(String header, String dk) {
        return violation(AddressingFault.HEADER_REQUIRED, dk, "De verplichte header " + header + " ontbreekt.");
    }

    static GatewayFault invalid(String text) {
        return violation(AddressingFault.INVALID_HEADER, "0011", text);
    }

    private static GatewayFault violation(AddressingFault fault, String digikoppelingCode, String text) {
        return new GatewayFault(new Refusal.Addressing(fault, digikoppelingCode, text));
    }
}
