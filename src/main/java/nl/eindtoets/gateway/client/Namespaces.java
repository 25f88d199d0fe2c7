package nl.eindtoets.gateway.client;

/** XML namespaces of the wire contract, as used on the LAS side. */
public final class Namespaces {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSA_ANONYMOUS = WSA + "/anonymous";
    public static final String WSA_REPLY = WSA + "/reply";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** Wrapper elements and fault detail of the eindtoets contract. */
    public static final String GATEWAY = "urn:eindtoets-gateway:1";
    public static final String UWLR_LEERLINGGEGEVENS = "http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens";

    private Namespaces() {
    }
}
