package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.ONGELDIG_BERICHT;
import static nl.eindtoets.gateway.it.Faults.VERSION_MISMATCH;
import static nl.eindtoets.gateway.it.Faults.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayHttpClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the gateway does with messages that are not what the contract promises: broken or hostile XML, DTDs, oversize
 * bodies, SOAP 1.2, extra Body children, schema-invalid payloads, stray headers and HTTP methods. Refusals that come
 * before WS-Security are unsigned; those after it are signed. No refused request reaches a handler.
 */
class MessageHardeningTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;
    private static final Oin SCHOOL = Oin.ofSchool("99AA");
    private static final long LIMIT = 10L * 1024 * 1024;

    private final RunningGateway gateway = RunningGateway.shared();
    private final EindtoetsClient las = gateway.client("las-a");
    private final int handlerCountBefore = gateway.handlers().invocations();

    // --- malformed XML and DTDs -------------------------------------------------------------------------------

    @Test
    void refusesTruncatedEnvelopeUnsigned() throws Exception {
        byte[] signed = signedRequest().toBytes();

        HttpResult http = postRaw(Arrays.copyOf(signed, signed.length / 2));

        assertUnsignedFault(http, ONGELDIG_BERICHT, "0001");
    }

    @Test
    void refusesCorrectlySignedRequestThatDeclaresADocumentType() throws Exception {
        // An entity that is declared but never used: only the DTD itself can be the reason for the refusal.
        String doctype = "<!DOCTYPE soap:Envelope [<!ENTITY ongebruikt \"x\">]>";

        HttpResult http = postRaw(withDoctype(signedRequest().toBytes(), doctype));

        assertUnsignedFault(http, ONGELDIG_BERICHT, "0001");
    }

    @Test
    void refusesBillionLaughsWithoutExpandingIt() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE soap:Envelope [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        byte[] envelope = envelope(dtd.toString(), "<gw:leerresultaten_verzoek xmlns:gw=\"urn:eindtoets-gateway:1\">"
                + "<gw:schooljaar>&lol9;</gw:schooljaar></gw:leerresultaten_verzoek>");

        long start = System.nanoTime();
        HttpResult http = postRaw(envelope);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(new String(http.body(), StandardCharsets.UTF_8)).doesNotContain("lollol");
        assertUnsignedFault(http, ONGELDIG_BERICHT, "0001");
    }

    @Test
    void refusesExternalEntityOnALocalFileWithoutReadingIt(@TempDir Path dir) throws Exception {
        String secret = "GEHEIM-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("geheim.txt"), secret);
        byte[] envelope = envelope("<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>",
                "<gw:leerresultaten_verzoek xmlns:gw=\"urn:eindtoets-gateway:1\">"
                        + "<gw:schooljaar>&xxe;</gw:schooljaar></gw:leerresultaten_verzoek>");

        HttpResult http = postRaw(envelope);

        assertThat(new String(http.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
        assertUnsignedFault(http, ONGELDIG_BERICHT, "0001");
    }

    @Test
    void fetchesNeitherExternalEntitiesNorAnExternalDtd() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer bait = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bait.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] answer = "<!ENTITY binnen \"gehaald\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        bait.start();
        try {
            String base = "http://127.0.0.1:" + bait.getAddress().getPort();
            HttpResult entity = postRaw(envelope(
                    "<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + base + "/entiteit\">]>",
                    "<gw:x xmlns:gw=\"urn:eindtoets-gateway:1\">&xxe;</gw:x>"));
            HttpResult externalDtd = postRaw(envelope(
                    "<!DOCTYPE soap:Envelope SYSTEM \"" + base + "/extern.dtd\">",
                    "<gw:x xmlns:gw=\"urn:eindtoets-gateway:1\">&binnen;</gw:x>"));

            assertUnsignedFault(entity, ONGELDIG_BERICHT, "0001");
            assertUnsignedFault(externalDtd, ONGELDIG_BERICHT, "0001");
            assertThat(fetches).hasValue(0);
        } finally {
            bait.stop(0);
        }
    }

    // --- size limits ------------------------------------------------------------------------------------------

    @Test
    void answersDeclaredLengthOverTheLimitWith413WithoutWaitingForTheBody() throws Exception {
        byte[] start = signedRequest().toBytes();

        long begin = System.nanoTime();
        RawHttps.Answer answer = RawHttps.as("las-a").exchange(las.endpoint(OP), head("Content-Length: " + (LIMIT + 1)),
                RawHttps.only(start), Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertUnsignedFault(answer.asHttpResult(), ONGELDIG_BERICHT, "0001");
    }

    @Test
    void refusesChunkedBodyAsSoonAsItGrowsPastTheLimit() throws Exception {
        byte[] prefix = ("<soap:Envelope xmlns:soap=\"" + Namespaces.SOAP11 + "\"><soap:Header>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] padding = ("<p:vulling xmlns:p=\"urn:vulling\">" + "x".repeat(990) + "</p:vulling>")
                .getBytes(StandardCharsets.UTF_8);

        RawHttps.Answer answer = RawHttps.as("las-a").exchange(las.endpoint(OP),
                head("Transfer-Encoding: chunked"), RawHttps.chunked(prefix, padding, 4 * LIMIT),
                Duration.ofSeconds(30));

        assertThat(answer.bytesWritten()).as("bytes sent before the refusal").isLessThan(2 * LIMIT);
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertUnsignedFault(answer.asHttpResult(), ONGELDIG_BERICHT, "0001");
    }

    // --- envelope shape ---------------------------------------------------------------------------------------

    @Test
    void refusesSoap12EnvelopeWithVersionMismatchInSoap11() throws Exception {
        byte[] soap12 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Header/><env:Body>"
                + "<gw:leerresultaten_verzoek xmlns:gw=\"urn:eindtoets-gateway:1\"/></env:Body></env:Envelope>")
                .getBytes(StandardCharsets.UTF_8);

        HttpResult http = postRaw(soap12);

        Document answer = SecureXml.parse(http.body());
        assertThat(answer.getDocumentElement().getNamespaceURI()).isEqualTo(Namespaces.SOAP11);
        assertUnsignedFault(http, VERSION_MISMATCH, "0001");
    }

    @Test
    void refusesBodyWithTwoChildrenSigned() throws Exception {
        Document envelope = las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build();
        Element body = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP11, "Body").item(0);
        body.appendChild(envelope.importNode(Samples.body("deelnemers-99AA"), true));

        GatewayResponse response = las.send(OP, envelope);

        assertFault(response, ONGELDIG_BERICHT, "0001", true);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"deelnemers-99AA-with-bsn", "deelnemers-99AA-missing-geslacht",
            "deelnemers-99AA-jaargroep-6"})
    void refusesSchemaInvalidBodyNamingTheElementPath(String sample) throws Exception {
        GatewayResponse response = las.send(OP, SCHOOL, Samples.body(sample));

        SoapFaultInfo fault = assertFault(response, ONGELDIG_BERICHT, "0004", true);
        assertThat(fault.faultString()).matches(".* bij /deelnemers_aanlevering(/[A-Za-z0-9_-]+(\\[\\d+])?)+\\.");
        assertThat(fault.faultString()).doesNotContain("123456782");
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    // --- headers ----------------------------------------------------------------------------------------------

    @Test
    void refusesUnexpectedSoapHeaderSigned() throws Exception {
        Document envelope = withHeaderBlock("urn:iets-anders", "x:extra", "waarde");

        GatewayResponse response = las.send(OP, envelope);

        assertFault(response, ONGELDIG_BERICHT, "0010", true);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    @Test
    void acceptsAndIgnoresTheUwlrAutorisatieHeader() throws Exception {
        Document envelope = withHeaderBlock("http://www.edustandaard.nl/leerresultaten/2/autorisatie",
                "aut:autorisatie", null);
        Element autorisatie = (Element) envelope.getElementsByTagNameNS(
                "http://www.edustandaard.nl/leerresultaten/2/autorisatie", "autorisatie").item(0);
        for (String[] child : new String[][] {{"autorisatiesleutel", "sleutel-die-niets-betekent"},
                {"klantidentificatie", "klant-1"}}) {
            Element e = envelope.createElementNS(autorisatie.getNamespaceURI(), "aut:" + child[0]);
            e.setTextContent(child[1]);
            autorisatie.appendChild(e);
        }

        GatewayResponse response = las.send(OP, envelope);

        assertThat(response).isInstanceOf(VerifiedResponse.class);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore + 1);
    }

    // --- HTTP methods and the published contract ---------------------------------------------------------------

    @Test
    void answersGetWithoutWsdlWith405() throws Exception {
        HttpResult http = las.http().get(las.endpoint(OP));

        assertThat(http.status()).isEqualTo(405);
        assertUnsignedFault(http, ONGELDIG_BERICHT, "0001");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BRENG_DEELNEMERS", "HAAL_LEERRESULTATEN"})
    void publishesTheWsdlWithTheGatewaysHttpsAddress(Operation operation) throws Exception {
        HttpResult http = las.http().get(URI.create(las.endpoint(operation) + "?wsdl"));

        assertThat(http.status()).isEqualTo(200);
        Document wsdl = SecureXml.parse(http.body());
        assertThat(wsdl.getDocumentElement().getLocalName()).isEqualTo("definitions");
        NodeList addresses = wsdl.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "address");
        assertThat(addresses.getLength()).isEqualTo(1);
        assertThat(((Element) addresses.item(0)).getAttribute("location"))
                .isEqualTo(gateway.baseUrl() + operation.path());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private SignedRequest signedRequest() throws Exception {
        return las.signer().sign(las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build());
    }

    private Document withHeaderBlock(String namespace, String qualifiedName, String text) {
        Document envelope = las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build();
        Element header = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP11, "Header").item(0);
        Element block = envelope.createElementNS(namespace, qualifiedName);
        if (text != null) {
            block.setTextContent(text);
        }
        header.appendChild(block);
        return envelope;
    }

    private HttpResult postRaw(byte[] bytes) throws Exception {
        return las.http().post(las.endpoint(OP), bytes, Map.of(
                "Content-Type", GatewayHttpClient.SOAP11_CONTENT_TYPE, "SOAPAction", "\"" + OP.action() + "\""));
    }

    private void assertUnsignedFault(HttpResult http, QName code, String digikoppeling) throws Exception {
        assertThat(http.status()).isGreaterThanOrEqualTo(400);
        assertFault(Faults.unsignedAnswer(http), code, digikoppeling, false);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    private String head(String lengthHeader) {
        URI endpoint = las.endpoint(OP);
        return "POST " + endpoint.getPath() + " HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: " + GatewayHttpClient.SOAP11_CONTENT_TYPE + "\r\n"
                + "SOAPAction: \"" + OP.action() + "\"\r\n"
                + lengthHeader;
    }

    /** A SOAP 1.1 envelope with {@code doctype} in front and {@code payload} as its Body (unsigned). */
    private static byte[] envelope(String doctype, String payload) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<soap:Envelope xmlns:soap=\"" + Namespaces.SOAP11 + "\"><soap:Header/><soap:Body>" + payload
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code doctype} inserted after the XML declaration (if any) of a serialised envelope. */
    private static byte[] withDoctype(byte[] envelope, String doctype) {
        String xml = new String(envelope, StandardCharsets.UTF_8);
        int at = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return (xml.substring(0, at) + doctype + xml.substring(at)).getBytes(StandardCharsets.UTF_8);
    }
}
