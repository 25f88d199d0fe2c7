package nl.eindtoets.gateway.deelnemers;

import java.util.Set;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;

/** The UWLR schema versions the gateway speaks (2.2 and 2.3). */
public final class XsdVersie {

    public static final Set<String> SUPPORTED = Set.of("2.2", "2.3");

    private XsdVersie() {
    }

    /** Refuses with {@code Client.XsdVersieOngeldig} unless {@code value} is 2.2 or 2.3. */
    public static void check(String value, String path) {
        if (value == null || !SUPPORTED.contains(value.strip())) {
            throw new GatewayFault(FaultCode.XSD_VERSIE_ONGELDIG,
                    "De xsdversie in " + path + " wordt niet ondersteund; toegestaan zijn 2.2 en 2.3.");
        }
    }
}
