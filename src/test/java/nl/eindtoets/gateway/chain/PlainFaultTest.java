package nl.eindtoets.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.ResponseVerifier;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.TruststoreFile;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The plain fault that the fault path falls back to, for every kind of refusal: a SOAP 1.1 fault whose faultcode
 * resolves to the refusal's own QName, with its text, Digikoppeling number and correlation id, and HTTP 500.
 */
class PlainFaultTest {

    private static final String CORRELATION = "6f1d5a2e-0b4c-4d7e-9a11-2c3b4d5e6f70";

    static Stream<Refusal> everyKindOfRefusal() {
        Stream<Refusal> contract = Stream.of(FaultCode.values()).map(Refusal.Contract::new);
        Stream<Refusal> security = Stream.of(Refusal.SecurityCheck.values()).map(c -> new Refusal.Security(c, "test"));
        Stream<Refusal> addressing = Stream.of(Refusal.AddressingFault.values())
                .map(f -> new Refusal.Addressing(f, "0011", "De header <wsa:To> & co is ongeldig."));
        Stream<Refusal> rest = Stream.of(new Refusal.Unreadable("Het bericht is groter dan toegestaan.", 413, "test"),
                new Refusal.VersionMismatch("test"), new Refusal.Internal("test"));
        return Stream.of(contract, security, addressing, rest).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfRefusal")
    void carriesTheRefusalsOwnCodeTextAndDetail(Refusal refusal) throws Exception {
        SoapFaultInfo fault = parse(PlainFault.envelope(refusal, CORRELATION));

        assertThat(fault.faultCode()).isEqualTo(refusal.faultCode());
        assertThat(fault.faultString()).isEqualTo(refusal.text());
        assertThat(fault.digikoppelingCode()).isEqualTo(refusal.digikoppelingCode());
        assertThat(fault.correlationId()).isEqualTo(CORRELATION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfRefusal")
    void lastResortWritesTheRecordedRefusalWithStatus500(Refusal refusal) throws Exception {
        Message message = faultMessage();
        GatewayRequest request = GatewayRequests.open(message, "BrengDeelnemers");
        request.refused(refusal);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.setContent(OutputStream.class, out);

        new LastResortFault("BrengDeelnemers").handleFault(message);

        assertThat(message.get(Message.RESPONSE_CODE)).isEqualTo(500);
        SoapFaultInfo fault = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(fault.faultCode()).isEqualTo(refusal.faultCode());
        assertThat(fault.correlationId()).isEqualTo(request.correlationId());
    }

    @Test
    void lastResortWithoutARecordedRefusalAnswersInterneFout() throws Exception {
        Message message = faultMessage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.setContent(OutputStream.class, out);

        new LastResortFault("BrengDeelnemers").handleFault(message);

        assertThat(parse(out.toString(StandardCharsets.UTF_8)).faultCode())
                .isEqualTo(new QName(Refusal.SOAP_ENV, "Server.InterneFout"));
    }

    private static Message faultMessage() {
        Exchange exchange = new ExchangeImpl();
        Message in = new MessageImpl();
        in.put(Message.HTTP_REQUEST_METHOD, "POST");
        exchange.setInMessage(in);
        in.setExchange(exchange);
        Message fault = new MessageImpl();
        fault.setExchange(exchange);
        exchange.setOutFaultMessage(fault);
        return fault;
    }

    /** Read as a LAS reads an unsigned fault: the project's own client, which refuses anything else. */
    private static SoapFaultInfo parse(String xml) throws Exception {
        Document doc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        var verifier = new ResponseVerifier(new TruststoreFile(Path.of("certs-dev", "truststore.p12"), "changeit").load(),
                EindtoetsClient.GATEWAY_OIN);
        GatewayResponse answer = verifier.verify(doc, "", null, null);
        assertThat(answer).as("a SOAP fault in %s", xml).isInstanceOf(SoapFaultInfo.class);
        return (SoapFaultInfo) answer;
    }
}
