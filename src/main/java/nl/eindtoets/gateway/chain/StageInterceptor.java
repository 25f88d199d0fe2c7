package nl.eindtoets.gateway.chain;

import java.util.Set;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Stage;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;

/**
 * Runs one transport-neutral {@link Stage} on the request record of the exchange. The only thing it adds is that
 * the chain understands the WS-Security header, which the WS-Security stage processes.
 */
final class StageInterceptor extends AbstractSoapInterceptor {

    private static final Set<QName> UNDERSTOOD = Set.of(new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security"));

    private final Stage stage;

    StageInterceptor(String id, String phase, Stage stage) {
        super(id, phase);
        this.stage = stage;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        GatewayRequest request = GatewayRequests.of(message.getExchange());
        if (!request.transport().isPost()) {
            return; // a GET of the contract, answered by CXF; anything else was refused on arrival
        }
        stage.apply(request);
    }
}
