package nl.eindtoets.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import nl.eindtoets.gateway.cli.GatewayCommand;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine;

/** The {@code send} command end to end against a local signing HTTPS endpoint. */
class SendCommandTest {

    private static final String LEERLINGGEGEVENS = """
            <leerlinggegevens xmlns="http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens">
              <school><brincode>99AA</brincode></school>
            </leerlinggegevens>""";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Answers like the gateway: signed by gateway.p12, echoing the request's SignatureValue and MessageID. */
    private static SignedRequest asReceived(byte[] body) throws Exception {
        Document doc = SecureXml.parse(body);
        String signatureValue = doc.getElementsByTagNameNS(Namespaces.DS, "SignatureValue").item(0)
                .getTextContent().replaceAll("\\s", "");
        String messageId = doc.getElementsByTagNameNS(Namespaces.WSA, "MessageID").item(0).getTextContent();
        return new SignedRequest(doc, signatureValue, messageId, null);
    }

    private int send(StubGateway stub, String operation, Path file) {
        CommandLine cli = new CommandLine(new GatewayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("send", "--keystore", "certs-dev/las-a.p12", "--school", "99AA",
                "--operation", operation, "--file", file.toString(), "--url", stub.baseUrl().toString(),
                "--truststore", "certs-dev/truststore.p12");
    }

    @Test
    void wrapsLeerlinggegevensSignsSendsAndPrintsTheVerifiedReceipt() throws Exception {
        Path file = Files.writeString(dir.resolve("leerlinggegevens.xml"), LEERLINGGEGEVENS);
        try (StubGateway stub = new StubGateway(body -> new StubGateway.Reply(200,
                SignedResponses.answering(asReceived(body)).bytes()))) {

            int exit = send(stub, "BrengDeelnemers", file);

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("deelnemers_ontvangst").contains("aantal_deelnemers");
            Document sent = SecureXml.parse(stub.received.get(0).body());
            Element aanlevering = (Element) sent.getElementsByTagNameNS(Namespaces.GATEWAY, "deelnemers_aanlevering").item(0);
            assertThat(aanlevering.getParentNode().getLocalName()).isEqualTo("Body");
            assertThat(aanlevering.getElementsByTagNameNS(Namespaces.UWLR_LEERLINGGEGEVENS, "leerlinggegevens").getLength())
                    .isEqualTo(1);
            assertThat(stub.received.get(0).path()).isEqualTo("/eindtoets/deelnemers");
            assertThat(sent.getElementsByTagNameNS(Namespaces.WSA, "To").item(0).getTextContent())
                    .isEqualTo(stub.baseUrl() + "/eindtoets/deelnemers?oin=00000099000000002000");
        }
    }

    @Test
    void printsTheFaultAndExitsOne() throws Exception {
        Path file = Files.writeString(dir.resolve("verzoek.xml"), SecureXml.toString(Payloads.leerresultatenVerzoek()));
        byte[] fault = SignedResponses.unsignedFault(Payloads.fault("wsse:InvalidSecurity",
                "De beveiliging van het bericht is ongeldig.", "0001", "corr-42"));
        try (StubGateway stub = new StubGateway(body -> new StubGateway.Reply(500, fault))) {

            int exit = send(stub, "HaalLeerresultaten", file);

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("wsse:InvalidSecurity").contains("0001").contains("corr-42")
                    .contains("(unsigned)");
            assertThat(stub.received.get(0).path()).isEqualTo("/eindtoets/leerresultaten");
        }
    }

    @Test
    void exitsTwoWhenTheResponseDoesNotConfirmTheRequest() throws Exception {
        Path file = Files.writeString(dir.resolve("leerlinggegevens.xml"), LEERLINGGEGEVENS);
        String otherValue = Base64.getEncoder().encodeToString(new byte[256]);
        try (StubGateway stub = new StubGateway(body -> new StubGateway.Reply(200,
                SignedResponses.answering(asReceived(body)).confirming(otherValue).bytes()))) {

            int exit = send(stub, "BrengDeelnemers", file);

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("SignatureConfirmation Value does not match");
        }
    }

    @Test
    void refusesLeerlinggegevensForHaalLeerresultaten() throws Exception {
        Path file = Files.writeString(dir.resolve("leerlinggegevens.xml"), LEERLINGGEGEVENS, StandardCharsets.UTF_8);
        try (StubGateway stub = new StubGateway(body -> new StubGateway.Reply(500, new byte[0]))) {

            int exit = send(stub, "HaalLeerresultaten", file);

            assertThat(exit).isEqualTo(3);
            assertThat(err.toString()).contains("only be sent with BrengDeelnemers");
            assertThat(stub.received).isEmpty();
        }
    }
}
