package nl.eindtoets.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.eindtoets.gateway.cli.GatewayCommand;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.Exchange;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.it.RunningGateway;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** The {@code sign} command's output, posted byte for byte as curl --data-binary would, is accepted by the gateway. */
class SignCommandTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int sign(String school, String operation, String file, Path out) {
        CommandLine cli = new CommandLine(new GatewayCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("sign", "--keystore", "certs-dev/las-a.p12", "--school", school, "--operation", operation,
                "--file", file, "--url", gateway.baseUrl().toString(), "--out", out.toString());
    }

    @Test
    void signedBodyPostedAsWrittenIsAcceptedWithAVerifiedAnswer() throws Exception {
        Path out = dir.resolve("signed.xml");

        int exit = sign("99AA", "BrengDeelnemers", "samples/brengdeelnemers/99AA-happy.xml", out);

        assertThat(exit).as(err.toString()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        EindtoetsClient client = gateway.client("las-a");
        HttpResult result = client.http().post(client.endpoint(Operation.BRENG_DEELNEMERS), bytes,
                Operation.BRENG_DEELNEMERS.action());
        GatewayResponse response = client.verify(new Exchange(Operation.BRENG_DEELNEMERS, asSent(bytes), result));
        assertThat(response).isInstanceOf(VerifiedResponse.class);
        assertThat(((VerifiedResponse) response).payload().getLocalName()).isEqualTo("deelnemers_ontvangst");
    }

    @Test
    void fillsTheAddressingHeadersOfTheProfile() throws Exception {
        Path out = dir.resolve("signed.xml");

        sign("99AB", "HaalLeerresultaten", "samples/haalleerresultaten/99AB-happy.xml", out);

        Document doc = SecureXml.parse(Files.readAllBytes(out));
        assertThat(text(doc, "To")).isEqualTo(gateway.baseUrl() + "/eindtoets/leerresultaten?oin=00000099000000002000");
        assertThat(text(doc, "Action")).isEqualTo("urn:eindtoets-gateway:1:HaalLeerresultaten");
        assertThat(text(doc, "MessageID")).startsWith("urn:uuid:");
        assertThat(text(doc, "Address")).isEqualTo(Namespaces.WSA_ANONYMOUS + "?oin=0000000700099AB00000");
        assertThat(doc.getElementsByTagNameNS(Namespaces.DS, "Reference").getLength()).isEqualTo(6);
        assertThat(err.toString()).contains("curl --cert").contains("SOAPAction: \"urn:eindtoets-gateway:1:HaalLeerresultaten\"");
    }

    @Test
    void refusesAnEnvelopeThatIsAlreadySigned() throws Exception {
        Path once = dir.resolve("once.xml");
        sign("99AA", "BrengDeelnemers", "samples/brengdeelnemers/99AA-happy.xml", once);

        int exit = sign("99AA", "BrengDeelnemers", once.toString(), dir.resolve("twice.xml"));

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("already has a wsse:Security header");
    }

    private static SignedRequest asSent(byte[] bytes) throws Exception {
        Document doc = SecureXml.parse(bytes);
        return new SignedRequest(doc, text(doc, "SignatureValue").replaceAll("\\s", ""), text(doc, "MessageID"), null);
    }

    private static String text(Document doc, String localName) {
        for (String ns : new String[] {Namespaces.WSA, Namespaces.DS}) {
            var nodes = doc.getElementsByTagNameNS(ns, localName);
            if (nodes.getLength() > 0) {
                return nodes.item(0).getTextContent().strip();
            }
        }
        return null;
    }
}
