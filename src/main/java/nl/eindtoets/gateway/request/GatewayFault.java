package nl.eindtoets.gateway.request;

import java.util.Objects;

/**
 * The one exception a stage throws to refuse a request: it carries the {@link Refusal}. Whoever renders the answer
 * reads the refusal, never the message text.
 */
public class GatewayFault extends RuntimeException {

    private final transient Refusal refusal;

    public GatewayFault(Refusal refusal) {
        this(refusal, null);
    }

    public GatewayFault(Refusal refusal, Throwable cause) {
        super(Objects.requireNonNull(refusal, "refusal").text(), cause);
        this.refusal = refusal;
    }

    public GatewayFault(FaultCode code) {
        this(new Refusal.Contract(code));
    }

    public GatewayFault(FaultCode code, String text) {
        this(new Refusal.Contract(code, code.digikoppelingCode(), text, text));
    }

    public GatewayFault(FaultCode code, String digikoppelingCode, String text, Throwable cause) {
        this(new Refusal.Contract(code, digikoppelingCode, text, text), cause);
    }

    /** A WS-Security refusal; {@code reason} goes to the log only. */
    public static GatewayFault security(Refusal.SecurityCheck check, String reason) {
        return new GatewayFault(new Refusal.Security(check, reason));
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The contract fault code, or null when the refusal is not a contract rule (WS-Security, addressing, …). */
    public FaultCode code() {
        return refusal instanceof Refusal.Contract c ? c.code() : null;
    }

    /** Digikoppeling fault number, or null. */
    public String digikoppelingCode() {
        return refusal.digikoppelingCode();
    }
}
