package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.ONGELDIG_BERICHT;

import java.nio.charset.StandardCharsets;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Operation;
import org.junit.jupiter.api.Test;

/** Structure limits of the parser: a message nested deeper than limits.max-element-depth (100) is refused unread. */
class XmlLimitsTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;
    private final RunningGateway gateway = RunningGateway.shared();
    private final EindtoetsClient las = gateway.client("las-a");

    @Test
    void refusesElementsNestedDeeperThanTheLimit() throws Exception {
        int depth = 5_000;
        String body = "<n:x xmlns:n=\"urn:diep\">".repeat(depth) + "</n:x>".repeat(depth);
        byte[] envelope = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);

        HttpResult answer = Refusals.withoutHandlerCall(gateway,
                () -> las.http().post(las.endpoint(OP), envelope, OP.action()));

        Faults.assertFault(Faults.unsignedAnswer(answer), ONGELDIG_BERICHT, "0001", false);
    }
}
