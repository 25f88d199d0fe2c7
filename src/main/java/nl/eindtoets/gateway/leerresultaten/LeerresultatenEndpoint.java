package nl.eindtoets.gateway.leerresultaten;

import jakarta.jws.WebService;
import nl.eindtoets.gateway.contract.LeerresultatenAntwoord;
import nl.eindtoets.gateway.contract.LeerresultatenPortType;
import nl.eindtoets.gateway.contract.LeerresultatenVerzoek;
import nl.eindtoets.gateway.identity.RequestIdentity;
import nl.eindtoets.gateway.soap.CurrentRequest;

/** The SOAP adapter of {@code HaalLeerresultaten}. */
@WebService(endpointInterface = "nl.eindtoets.gateway.contract.LeerresultatenPortType",
        serviceName = "LeerresultatenService", portName = "LeerresultatenPort", targetNamespace = "urn:eindtoets-gateway:1",
        wsdlLocation = "classpath:wsdl/Eindtoets_Leerresultaten_v1.wsdl")
public class LeerresultatenEndpoint implements LeerresultatenPortType {

    /** The operation behind the adapter. */
    @FunctionalInterface
    public interface Handler {
        LeerresultatenAntwoord handle(RequestIdentity identity, LeerresultatenVerzoek request);
    }

    private final Handler handler;

    public LeerresultatenEndpoint(Handler handler) {
        this.handler = handler;
    }

    @Override
    public LeerresultatenAntwoord haalLeerresultaten(LeerresultatenVerzoek body) {
        return handler.handle(CurrentRequest.identity(), body);
    }
}
