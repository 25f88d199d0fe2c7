package nl.eindtoets.gateway.store;

import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;

/** The database cannot be reached or refuses work for now; callers answer "temporarily unavailable". */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The refusal a peer sees: {@code Server.TijdelijkNietBeschikbaar} (0051), with this as the logged cause. */
    public GatewayFault toFault() {
        FaultCode code = FaultCode.TIJDELIJK_NIET_BESCHIKBAAR;
        return new GatewayFault(code, code.digikoppelingCode(), code.text(), this);
    }
}
