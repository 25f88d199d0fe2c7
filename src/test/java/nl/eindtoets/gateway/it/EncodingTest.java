package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.ONGELDIG_BERICHT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;

/** Digikoppeling WS006: only UTF-8 messages are accepted (fault number 0009), refused before they are parsed. */
class EncodingTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;
    private final RunningGateway gateway = RunningGateway.shared();
    private final EindtoetsClient las = gateway.client("las-a");

    private SignedRequest signed() throws Exception {
        return las.signer().sign(las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA")).build());
    }

    private HttpResult post(byte[] body, String contentType) throws Exception {
        return las.http().post(las.endpoint(OP), body,
                Map.of("Content-Type", contentType, "SOAPAction", "\"" + OP.action() + "\""));
    }

    @Test
    void refusesContentTypeWithAnotherCharset() throws Exception {
        byte[] body = signed().toBytes();

        HttpResult answer = Refusals.withoutHandlerCall(gateway, () -> post(body, "text/xml; charset=ISO-8859-1"));

        Faults.assertFault(Faults.unsignedAnswer(answer), ONGELDIG_BERICHT, "0009", false);
    }

    @Test
    void refusesXmlDeclarationWithAnotherEncoding() throws Exception {
        String xml = new String(signed().toBytes(), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + xml).getBytes(StandardCharsets.ISO_8859_1);

        HttpResult answer = Refusals.withoutHandlerCall(gateway, () -> post(body, "text/xml"));

        Faults.assertFault(Faults.unsignedAnswer(answer), ONGELDIG_BERICHT, "0009", false);
    }

    @Test
    void refusesUtf16ByteOrderMark() throws Exception {
        byte[] body = new String(signed().toBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);

        HttpResult answer = Refusals.withoutHandlerCall(gateway, () -> post(body, "text/xml"));

        Faults.assertFault(Faults.unsignedAnswer(answer), ONGELDIG_BERICHT, "0009", false);
    }

    @Test
    void acceptsUtf8DeclaredInBothPlaces() throws Exception {
        String xml = new String(signed().toBytes(), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8);

        HttpResult answer = post(body, "text/xml; charset=utf-8");

        assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    }
}
