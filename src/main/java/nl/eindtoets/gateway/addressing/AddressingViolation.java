package nl.eindtoets.gateway.addressing;

import javax.xml.namespace.QName;
import org.apache.cxf.interceptor.Fault;

/** A WS-Addressing rule broken by a request, answered with a WS-Addressing fault code and a Digikoppeling number. */
public final class AddressingViolation extends Fault {

    public static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    public static final QName HEADER_REQUIRED = new QName(WSA_NS, "MessageAddressingHeaderRequired");
    public static final QName INVALID_HEADER = new QName(WSA_NS, "InvalidAddressingHeader");
    public static final QName ACTION_NOT_SUPPORTED = new QName(WSA_NS, "ActionNotSupported");
    public static final QName ACTION_MISMATCH = new QName(WSA_NS, "ActionMismatch");

    private final QName code;
    private final String digikoppelingCode;
    private final String text;

    public AddressingViolation(QName code, String digikoppelingCode, String text) {
        super(new IllegalArgumentException(text));
        this.code = code;
        this.digikoppelingCode = digikoppelingCode;
        this.text = text;
    }

    public QName code() {
        return code;
    }

    public String digikoppelingCode() {
        return digikoppelingCode;
    }

    /** Dutch text for the faultstring. */
    public String text() {
        return text;
    }
}
