package nl.eindtoets.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.ResponseVerifier;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.it.RunningGateway;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Interoperability with a WS-Security stack that shares no code with CXF/WSS4J: the {@code xmlsec1} command
 * (libxmlsec1 on OpenSSL). Requests it signs from a template are accepted, a tampered one is refused with
 * wsse:FailedCheck, and the gateway's signed answers verify with it against the dev CA certificates.
 *
 * <p>Without xmlsec1 on the PATH the tests are skipped, unless {@code EINDTOETS_INTEROP_REQUIRED=true} (as .ci/run sets) or {@code -Dinterop.required=true}, in
 * which case they fail: CI must prove the interop ran.
 */
class XmlSecInteropTest {

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final List<String> REQUEST_IDS = List.of(
            id(Namespaces.SOAP11, "Body"), id(WSU, "Timestamp"), id(Namespaces.WSA, "To"), id(Namespaces.WSA, "Action"),
            id(Namespaces.WSA, "MessageID"), id(Namespaces.WSA, "From"));
    private static final List<String> RESPONSE_IDS = List.of(
            id(Namespaces.SOAP11, "Body"), id(WSU, "Timestamp"), id(Namespaces.WSA, "To"), id(Namespaces.WSA, "Action"),
            id(Namespaces.WSA, "MessageID"), id(Namespaces.WSA, "RelatesTo"), id(Namespaces.WSSE11, "SignatureConfirmation"));

    private final RunningGateway gateway = RunningGateway.shared();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireXmlsec1() {
        boolean present;
        try {
            Process p = new ProcessBuilder("xmlsec1", "--version").redirectErrorStream(true).start();
            present = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        boolean required = Boolean.getBoolean("interop.required")
                || "true".equalsIgnoreCase(System.getenv("EINDTOETS_INTEROP_REQUIRED"));
        if (!present && required) {
            fail("xmlsec1 is required (EINDTOETS_INTEROP_REQUIRED=true) but not on the PATH; install the Debian package xmlsec1");
        }
        Assumptions.assumeTrue(present, "xmlsec1 not installed: interop with libxmlsec1 not checked");
    }

    @Test
    void requestSignedByXmlsec1IsAcceptedAndTheSignedAnswerVerifiesWithXmlsec1() throws Exception {
        Path signed = signWithXmlsec1(template(Operation.HAAL_LEERRESULTATEN, "99AA"));

        HttpResult answer = post(Operation.HAAL_LEERRESULTATEN, Files.readAllBytes(signed));

        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.status()).as(body).isEqualTo(200);
        assertThat(body).contains("leerresultaten_antwoord").doesNotContain("Fault>");
        assertThat(verifyWithXmlsec1(answer.body())).as("xmlsec1 --verify").isZero();
    }

    /** Both answer signers ({@code wss.response-signer}) produce answers that libxmlsec1 verifies. */
    @ParameterizedTest(name = "wss.response-signer={0}")
    @ValueSource(strings = {"lean", "wss4j"})
    void answerOfEachResponseSignerVerifiesWithXmlsec1(String signer) throws Exception {
        RunningGateway own = RunningGateway.start(Map.of("wss.response-signer", signer));
        try {
            Path signed = signWithXmlsec1(template(own, Operation.BRENG_DEELNEMERS, "99AA"));

            HttpResult answer = post(own, Operation.BRENG_DEELNEMERS, Files.readAllBytes(signed));

            assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(verifyWithXmlsec1(answer.body())).as("xmlsec1 --verify").isZero();
            Document request = SecureXml.parse(Files.readAllBytes(signed));
            String signatureValue = request.getElementsByTagNameNS(Namespaces.DS, "SignatureValue").item(0).getTextContent();
            String messageId = request.getElementsByTagNameNS(Namespaces.WSA, "MessageID").item(0).getTextContent();
            assertThat(new ResponseVerifier(RunningGateway.truststore().load(), EindtoetsClient.GATEWAY_OIN)
                    .verify(SecureXml.parse(answer.body()), signatureValue, messageId, Operation.BRENG_DEELNEMERS.responseAction()))
                    .as("the client's verifier").isInstanceOf(VerifiedResponse.class);
        } finally {
            own.close();
        }
    }

    @Test
    void brengDeelnemersSignedByXmlsec1IsAcknowledged() throws Exception {
        Path signed = signWithXmlsec1(template(Operation.BRENG_DEELNEMERS, "99AA"));

        HttpResult answer = post(Operation.BRENG_DEELNEMERS, Files.readAllBytes(signed));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("deelnemers_ontvangst");
    }

    @Test
    void xmlsec1SignedRequestWithBodyChangedAfterSigningIsRefusedWithFailedCheck() throws Exception {
        String signed = Files.readString(signWithXmlsec1(template(Operation.HAAL_LEERRESULTATEN, "99AA")));
        String tampered = signed.replace("<gw:dependancecode>00</gw:dependancecode>", "<gw:dependancecode>01</gw:dependancecode>");
        assertThat(tampered).isNotEqualTo(signed);

        HttpResult answer = post(Operation.HAAL_LEERRESULTATEN, tampered.getBytes(StandardCharsets.UTF_8));

        Document fault = SecureXml.parse(answer.body());
        String code = fault.getElementsByTagName("faultcode").item(0).getTextContent();
        Element faultcode = (Element) fault.getElementsByTagName("faultcode").item(0);
        String prefix = code.substring(0, code.indexOf(':'));
        assertThat(faultcode.lookupNamespaceURI(prefix)).isEqualTo(Namespaces.WSSE);
        assertThat(code.substring(code.indexOf(':') + 1)).isEqualTo("FailedCheck");
    }

    @Test
    void gatewayAnswerWithAChangedBodyFailsXmlsec1Verification() throws Exception {
        Path signed = signWithXmlsec1(template(Operation.HAAL_LEERRESULTATEN, "99AA"));
        HttpResult answer = post(Operation.HAAL_LEERRESULTATEN, Files.readAllBytes(signed));
        String changed = new String(answer.body(), StandardCharsets.UTF_8).replace("<geengegevens/>", "<geenwijzigingen/>");
        assertThat(changed).contains("<geenwijzigingen/>");

        assertThat(verifyWithXmlsec1(changed.getBytes(StandardCharsets.UTF_8))).as("xmlsec1 --verify").isNotZero();
    }

    /**
     * A 2W-be-S envelope with a signature template: references to each part by wsu:Id, exc-c14n, RSA-SHA256, SHA-256,
     * and a KeyInfo whose SecurityTokenReference points at a BinarySecurityToken holding las-a's certificate. xmlsec1
     * fills in the digests and the signature value and leaves the unknown KeyInfo content alone.
     */
    private String template(Operation op, String brin) throws IOException {
        return template(gateway, op, brin);
    }

    private static String template(RunningGateway gateway, Operation op, String brin) throws IOException {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String certificate = Files.readString(Path.of("certs-dev", "las-a.crt"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String payload = Files.readString(Path.of("samples", op == Operation.BRENG_DEELNEMERS ? "brengdeelnemers" : "haalleerresultaten",
                brin + "-happy.xml")).replaceFirst("<\\?xml[^>]*\\?>", "").replaceAll("(?s)<!--.*?-->", "").strip();
        StringBuilder refs = new StringBuilder();
        for (String id : List.of("Body-1", "TS-1", "To-1", "Action-1", "MessageID-1", "From-1")) {
            refs.append("<ds:Reference URI=\"#").append(id).append("\"><ds:Transforms>")
                    .append("<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>")
                    .append("<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                    .append("<ds:DigestValue/></ds:Reference>");
        }
        return "<soap:Envelope xmlns:soap=\"" + Namespaces.SOAP11 + "\" xmlns:wsa=\"" + Namespaces.WSA + "\""
                + " xmlns:wsse=\"" + Namespaces.WSSE + "\" xmlns:wsu=\"" + WSU + "\" xmlns:ds=\"" + Namespaces.DS + "\">"
                + "<soap:Header><wsse:Security soap:mustUnderstand=\"1\">"
                + "<wsu:Timestamp wsu:Id=\"TS-1\"><wsu:Created>" + created + "</wsu:Created>"
                + "<wsu:Expires>" + created.plusSeconds(300) + "</wsu:Expires></wsu:Timestamp>"
                + "<wsse:BinarySecurityToken wsu:Id=\"X509-1\""
                + " ValueType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3\""
                + " EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
                + certificate + "</wsse:BinarySecurityToken>"
                + "<ds:Signature><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + refs + "</ds:SignedInfo><ds:SignatureValue/>"
                + "<ds:KeyInfo><wsse:SecurityTokenReference><wsse:Reference URI=\"#X509-1\""
                + " ValueType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3\"/>"
                + "</wsse:SecurityTokenReference></ds:KeyInfo></ds:Signature></wsse:Security>"
                + "<wsa:To wsu:Id=\"To-1\">" + gateway.baseUrl() + op.path() + "?oin=" + EindtoetsClient.GATEWAY_OIN.value() + "</wsa:To>"
                + "<wsa:Action wsu:Id=\"Action-1\">" + op.action() + "</wsa:Action>"
                + "<wsa:MessageID wsu:Id=\"MessageID-1\">urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + "<wsa:From wsu:Id=\"From-1\"><wsa:Address>" + Namespaces.WSA_ANONYMOUS + "?oin=" + Oin.ofSchool(brin).value()
                + "</wsa:Address></wsa:From></soap:Header>"
                + "<soap:Body wsu:Id=\"Body-1\">" + payload + "</soap:Body></soap:Envelope>";
    }

    private Path signWithXmlsec1(String template) throws Exception {
        Path in = Files.writeString(dir.resolve("template-" + UUID.randomUUID() + ".xml"), template);
        Path out = dir.resolve("signed-" + UUID.randomUUID() + ".xml");
        List<String> cmd = new ArrayList<>(List.of("xmlsec1", "--sign", "--privkey-pem", Path.of("certs-dev", "las-a.key").toString()));
        idAttributes(cmd, REQUEST_IDS);
        cmd.addAll(List.of("--output", out.toString(), in.toString()));
        Result r = run(cmd);
        assertThat(r.exit()).as("xmlsec1 --sign: " + r.output()).isZero();
        return out;
    }

    /**
     * xmlsec1 cannot follow a wsse:SecurityTokenReference, so the BinarySecurityToken's certificate is moved into a
     * ds:X509Data in the KeyInfo (which no reference covers) and xmlsec1 validates it up to the dev root itself.
     */
    private int verifyWithXmlsec1(byte[] response) throws Exception {
        String xml = new String(response, StandardCharsets.UTF_8);
        Matcher bst = Pattern.compile("<([\\w-]+:)?BinarySecurityToken[^>]*>([^<]+)<").matcher(xml);
        assertThat(bst.find()).as("BinarySecurityToken in the answer").isTrue();
        String withX509 = Pattern.compile("(<([\\w-]+:)?KeyInfo[^>]*>).*?(</([\\w-]+:)?KeyInfo>)", Pattern.DOTALL)
                .matcher(xml).replaceFirst(m -> Matcher.quoteReplacement(m.group(1)
                        + "<ds:X509Data xmlns:ds=\"" + Namespaces.DS + "\"><ds:X509Certificate>" + bst.group(2)
                        + "</ds:X509Certificate></ds:X509Data>" + m.group(3)));
        Path file = Files.writeString(dir.resolve("answer-" + UUID.randomUUID() + ".xml"), withX509);
        List<String> cmd = new ArrayList<>(List.of("xmlsec1", "--verify"));
        for (String ca : List.of("root.crt", "domain.crt", "tsp.crt")) {
            cmd.addAll(List.of("--trusted-pem", Path.of("certs-dev", "ca", ca).toString()));
        }
        idAttributes(cmd, RESPONSE_IDS);
        cmd.add(file.toString());
        Result r = run(cmd);
        if (r.exit() == 0) {
            // Every part of the answer that must be signed is a verified reference.
            assertThat(r.output()).contains("SignedInfo References (ok/all): 7/7");
        }
        return r.exit();
    }

    private static void idAttributes(List<String> cmd, List<String> elements) {
        for (String element : elements) {
            cmd.add("--id-attr:Id");
            cmd.add(element);
        }
    }

    private static String id(String ns, String local) {
        return ns + ":" + local;
    }

    private HttpResult post(Operation op, byte[] envelope) throws Exception {
        return post(gateway, op, envelope);
    }

    private static HttpResult post(RunningGateway gateway, Operation op, byte[] envelope) throws Exception {
        EindtoetsClient client = gateway.client("las-a");
        return client.http().post(client.endpoint(op), envelope, op.action());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("xmlsec1 did not finish: " + cmd);
        }
        return new Result(p.exitValue(), output);
    }
}
