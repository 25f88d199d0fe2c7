package nl.eindtoets.gateway.chain;

import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestIdentity;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever failed into the contract's fault: the {@link Refusal}'s faultcode, Dutch faultstring and HTTP
 * status, and a {@code gw:foutdetail} with the Digikoppeling number and the correlation id; records the refusal on
 * the request; and writes the one log line that ties them to the request.
 */
final class FaultRenderingInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultRenderingInterceptor.class);

    private final String operation;

    FaultRenderingInterceptor(String operation) {
        super(Phase.PRE_STREAM);
        this.operation = operation;
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        Exception failure = message.getContent(Exception.class);
        if (failure == null) {
            return;
        }
        Refusal refusal = FaultMapper.refusalOf(failure);
        GatewayRequest request = GatewayRequests.orOpen(message, operation);
        request.refused(refusal);
        log(request, refusal, failure);
        SoapFault fault = new SoapFault(refusal.text(), refusal.faultCode());
        fault.setDetail(FaultDetail.of(refusal, request.correlationId()));
        fault.setStatusCode(refusal.httpStatus());
        // CXF took the response code from the original failure before this chain ran; the mapped status wins.
        message.put(Message.RESPONSE_CODE, refusal.httpStatus());
        message.setContent(Exception.class, fault);
        useFaultAction(message);
    }

    private static void log(GatewayRequest request, Refusal refusal, Exception failure) {
        RequestIdentity who = request.identityOrNull();
        String messageId = request.addressingOrNull() == null ? "-" : request.addressingOrNull().messageId();
        if (FaultCode.INTERNE_FOUT.soapLocalName().equals(refusal.codeName())) {
            LOG.error("request failed: correlationId={} code={} messageId={}", request.correlationId(),
                    refusal.codeName(), messageId, failure);
        } else {
            LOG.warn("request refused: correlationId={} code={} digikoppeling={} signer={} school={} messageId={} reason={}",
                    request.correlationId(), refusal.codeName(), refusal.digikoppelingCode(),
                    who == null ? "-" : who.signerOin(), who == null ? "-" : who.schoolOin(), messageId,
                    refusal.logReason());
        }
    }

    /**
     * Every fault carries the WS-Addressing fault Action: the contract declares no wsdl:fault, so the Action CXF
     * derives from the exception type would name an internal class.
     */
    private static void useFaultAction(Message message) {
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
        if (maps != null) {
            maps.setAction(ContextUtils.getAttributedURI(Names.WSA_DEFAULT_SOAP_FAULT_ACTION));
        }
    }
}
