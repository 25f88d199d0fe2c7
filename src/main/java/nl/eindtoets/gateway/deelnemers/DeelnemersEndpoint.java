package nl.eindtoets.gateway.deelnemers;

import jakarta.jws.WebService;
import nl.eindtoets.gateway.contract.DeelnemersAanlevering;
import nl.eindtoets.gateway.contract.DeelnemersOntvangst;
import nl.eindtoets.gateway.contract.DeelnemersPortType;
import nl.eindtoets.gateway.identity.RequestIdentity;
import nl.eindtoets.gateway.soap.CurrentRequest;

/**
 * The SOAP adapter of {@code BrengDeelnemers}: hands the verified identity, the body digest and the request to the
 * handler. Everything before it in the chain has already been checked.
 */
@WebService(endpointInterface = "nl.eindtoets.gateway.contract.DeelnemersPortType",
        serviceName = "DeelnemersService", portName = "DeelnemersPort", targetNamespace = "urn:eindtoets-gateway:1",
        wsdlLocation = "classpath:wsdl/Eindtoets_Deelnemers_v1.wsdl")
public class DeelnemersEndpoint implements DeelnemersPortType {

    /** The operation behind the adapter. */
    @FunctionalInterface
    public interface Handler {
        DeelnemersOntvangst handle(RequestIdentity identity, String bodyDigest, DeelnemersAanlevering request);
    }

    private final Handler handler;

    public DeelnemersEndpoint(Handler handler) {
        this.handler = handler;
    }

    @Override
    public DeelnemersOntvangst brengDeelnemers(DeelnemersAanlevering body) {
        return handler.handle(CurrentRequest.identity(), CurrentRequest.bodyDigest(), body);
    }
}
