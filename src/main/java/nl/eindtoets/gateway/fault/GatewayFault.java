package nl.eindtoets.gateway.fault;

import java.util.Objects;

/**
 * A refusal decided by a stage of the chain (identity, mandate, validation, handler). Transport-neutral: the SOAP
 * front door renders it as a SOAP fault, a REST front door could render it as a status code. The message is the
 * Dutch text shown to the peer, so it must never contain personal data; put diagnostics in the log instead.
 */
public class GatewayFault extends RuntimeException {

    private final FaultCode code;
    private final String digikoppelingCode;

    public GatewayFault(FaultCode code) {
        this(code, code.digikoppelingCode(), code.text(), null);
    }

    public GatewayFault(FaultCode code, String text) {
        this(code, code.digikoppelingCode(), text, null);
    }

    public GatewayFault(FaultCode code, String digikoppelingCode, String text, Throwable cause) {
        super(Objects.requireNonNull(text, "text"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.digikoppelingCode = digikoppelingCode;
    }

    public FaultCode code() {
        return code;
    }

    /** Digikoppeling fault number, or null. */
    public String digikoppelingCode() {
        return digikoppelingCode;
    }
}
