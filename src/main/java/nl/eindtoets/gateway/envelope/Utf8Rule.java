package nl.eindtoets.gateway.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;

/**
 * Digikoppeling WS006: messages are UTF-8. A request that declares another charset in its Content-Type, another
 * encoding in its XML declaration, or starts with a UTF-16 byte order mark is refused with
 * {@code Client.OngeldigBericht} (0009) before it is parsed.
 */
public final class Utf8Rule {

    /** How many bytes of the body {@link #checkProlog(byte[])} needs to see. */
    public static final int PROLOG = 256;

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private Utf8Rule() {
    }

    /** Refuses a Content-Type with a charset other than UTF-8 (null: no header). */
    public static void checkContentType(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find() && !isUtf8(m.group(1))) {
                throw notUtf8();
            }
        }
    }

    /** Refuses a body whose first bytes are a UTF-16 byte order mark or an XML declaration of another encoding. */
    public static void checkProlog(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw notUtf8();
        }
        Matcher declared = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (declared.find() && !isUtf8(declared.group(1))) {
            throw notUtf8();
        }
    }

    private static boolean isUtf8(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals("utf-8") || n.equals("utf8");
    }

    private static GatewayFault notUtf8() {
        return new GatewayFault(FaultCode.ONGELDIG_BERICHT, "0009", "Het bericht is niet in UTF-8 gecodeerd.", null);
    }
}
