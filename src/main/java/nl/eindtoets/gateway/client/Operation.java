package nl.eindtoets.gateway.client;

import java.util.Arrays;

/** The two operations of wire contract v1 with their endpoint path, Actions and input element. */
public enum Operation {
    BRENG_DEELNEMERS("BrengDeelnemers", "/eindtoets/deelnemers", "deelnemers_aanlevering"),
    HAAL_LEERRESULTATEN("HaalLeerresultaten", "/eindtoets/leerresultaten", "leerresultaten_verzoek");

    private static final String ACTION_PREFIX = "urn:eindtoets-gateway:1:";

    private final String operationName;
    private final String path;
    private final String inputElement;

    Operation(String operationName, String path, String inputElement) {
        this.operationName = operationName;
        this.path = path;
        this.inputElement = inputElement;
    }

    public String operationName() {
        return operationName;
    }

    /** Endpoint path below the gateway's base URL. */
    public String path() {
        return path;
    }

    public String action() {
        return ACTION_PREFIX + operationName;
    }

    public String responseAction() {
        return ACTION_PREFIX + operationName + "Response";
    }

    /** Local name (in {@link Namespaces#GATEWAY}) of the body element this operation takes. */
    public String inputElement() {
        return inputElement;
    }

    /** Looks up by WSDL operation name ({@code BrengDeelnemers}), case-insensitively. */
    public static Operation byName(String name) {
        return Arrays.stream(values())
                .filter(op -> op.operationName.equalsIgnoreCase(name) || op.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown operation '" + name + "'; expected BrengDeelnemers or HaalLeerresultaten"));
    }
}
