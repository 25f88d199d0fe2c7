package nl.eindtoets.gateway.soap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.fault.FaultCode;
import nl.eindtoets.gateway.fault.GatewayFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Digikoppeling WS006: messages are UTF-8. A request that declares another charset in its Content-Type, another
 * encoding in its XML declaration, or starts with a UTF-16 byte order mark is refused with
 * {@code Client.OngeldigBericht} (0009) before it is parsed.
 */
public final class Utf8OnlyInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final int PROLOG = 256;

    public Utf8OnlyInterceptor() {
        super(Phase.RECEIVE);
        getAfter().add(RequestEntryInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        if (!"POST".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        String contentType = contentType(message);
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find() && !isUtf8(m.group(1))) {
                throw notUtf8();
            }
        }
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        message.setContent(InputStream.class, buffered);
        byte[] head;
        try {
            buffered.mark(PROLOG);
            head = buffered.readNBytes(PROLOG);
            buffered.reset();
        } catch (IOException e) {
            throw new Fault(e);
        }
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

    private static String contentType(Message message) {
        Object direct = message.get(Message.CONTENT_TYPE);
        if (direct != null) {
            return direct.toString();
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers != null) {
            for (var e : headers.entrySet()) {
                if ("Content-Type".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
        }
        return null;
    }
}
