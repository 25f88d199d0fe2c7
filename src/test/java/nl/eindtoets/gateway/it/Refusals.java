package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.SoapFaultInfo;

/**
 * Assertions shared by the refusal tests: which fault the peer was given, whether it was signed, and that the
 * refused request never reached a handler.
 */
final class Refusals {

    static final String WSSE = Namespaces.WSSE;
    static final String SOAP_ENV = Namespaces.SOAP11;

    private Refusals() {
    }

    /**
     * A WS-Security fault ({@code wsse:<localPart>}, Digikoppeling 0002), unsigned: the request failed WS-Security,
     * so there is no verified signer to answer to nor a signature to confirm.
     */
    static SoapFaultInfo assertWsSecurityFault(GatewayResponse response, String localPart) {
        SoapFaultInfo fault = assertFault(response, new QName(WSSE, localPart), "0002");
        assertThat(fault.signed()).as("fault for a request that failed WS-Security is unsigned").isFalse();
        return fault;
    }

    /** A fault in the SOAP envelope namespace, signed: the request passed WS-Security before it was refused. */
    static SoapFaultInfo assertSignedFault(GatewayResponse response, String localPart, String digikoppelingCode) {
        SoapFaultInfo fault = assertFault(response, new QName(SOAP_ENV, localPart), digikoppelingCode);
        assertThat(fault.signed()).as("fault after WS-Security passed is signed").isTrue();
        return fault;
    }

    private static SoapFaultInfo assertFault(GatewayResponse response, QName code, String digikoppelingCode) {
        assertThat(response).as("gateway answer").isInstanceOf(SoapFaultInfo.class);
        SoapFaultInfo fault = (SoapFaultInfo) response;
        assertThat(fault.faultCode().getNamespaceURI()).as("faultcode namespace").isEqualTo(code.getNamespaceURI());
        assertThat(fault.faultCode().getLocalPart()).as("faultcode local part").isEqualTo(code.getLocalPart());
        assertThat(fault.digikoppelingCode()).as("Digikoppeling fault number").isEqualTo(digikoppelingCode);
        assertThat(fault.correlationId()).as("correlation id").isNotBlank();
        return fault;
    }

    /** Runs {@code call} and asserts that no handler was invoked meanwhile. */
    static <T> T withoutHandlerCall(RunningGateway gateway, Callable<T> call) throws Exception {
        int before = gateway.handlers().invocations();
        T result = call.call();
        assertThat(gateway.handlers().invocations()).as("handler invocations").isEqualTo(before);
        return result;
    }
}
