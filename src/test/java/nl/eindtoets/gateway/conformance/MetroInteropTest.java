package nl.eindtoets.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.it.RunningGateway;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Interoperability with Eclipse Metro/WSIT 4.0.2, a second SOAP stack that shares no code with CXF/WSS4J. Metro runs
 * in a JVM of its own ({@code src/test/metro/MetroClient.java} with only {@code target/metro-lib} on its class
 * path, copied there by the build) and is driven by the WS-SecurityPolicy in our WSDL: its only configuration is the
 * key and trust store in {@code src/test/metro/META-INF/wsit-client.xml} and the {@code javax.net.ssl.*} properties
 * for mutual TLS. Its requests are accepted, it verifies the gateway's signed answers itself (and refuses one changed
 * on the way), and a request changed after Metro signed it is refused with wsse:FailedCheck.
 *
 * <p>Without {@code target/metro-lib} (a run outside Maven) the tests are skipped, unless
 * {@code EINDTOETS_INTEROP_REQUIRED=true} (as .ci/run sets) or {@code -Dinterop.required=true}, in which case they fail.
 */
class MetroInteropTest {

    private static final Path METRO_LIB = Path.of("target", "metro-lib");
    private static final Path METRO_DIR = Path.of("src", "test", "metro");
    private static final String SCHOOL = "99AA";

    private final RunningGateway gateway = RunningGateway.shared();

    @BeforeAll
    static void requireMetro() {
        boolean present = Files.isRegularFile(METRO_LIB.resolve("webservices-rt-4.0.2.jar"));
        boolean required = Boolean.getBoolean("interop.required")
                || "true".equalsIgnoreCase(System.getenv("EINDTOETS_INTEROP_REQUIRED"));
        if (!present && required) {
            fail("Metro is required (EINDTOETS_INTEROP_REQUIRED=true) but " + METRO_LIB
                    + " has no webservices-rt-4.0.2.jar; run the tests through Maven (generate-test-resources copies it)");
        }
        Assumptions.assumeTrue(present, "target/metro-lib missing: interop with Metro not checked");
    }

    @Test
    void brengDeelnemersFromMetroIsAcknowledgedAndMetroVerifiesTheSignedAnswer() throws Exception {
        Metro run = metro(Operation.BRENG_DEELNEMERS, gatewayEndpoint(Operation.BRENG_DEELNEMERS));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.line("METRO-ANSWER")).isEqualTo("{urn:eindtoets-gateway:1}deelnemers_ontvangst");
        assertThat(run.line("METRO-ANSWER-BODY")).contains("aantal_deelnemers>4<");
    }

    @Test
    void haalLeerresultatenFromMetroIsAnsweredAndMetroVerifiesTheSignedAnswer() throws Exception {
        Metro run = metro(Operation.HAAL_LEERRESULTATEN, gatewayEndpoint(Operation.HAAL_LEERRESULTATEN));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.line("METRO-ANSWER")).isEqualTo("{urn:eindtoets-gateway:1}leerresultaten_antwoord");
    }

    @Test
    void metroSignsWhatThePolicyAsksWithRsaSha256AndSignsEveryAddressingHeader() throws Exception {
        try (Relay relay = new Relay(Operation.HAAL_LEERRESULTATEN, UnaryOperator.identity(), UnaryOperator.identity())) {
            Metro run = metro(Operation.HAAL_LEERRESULTATEN, relay.endpoint());

            assertThat(run.exit()).as(run.output()).isZero();
            String request = relay.request();
            assertThat(request).contains("Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"")
                    .doesNotContain("xmldsig#rsa-sha1")
                    .contains("Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"")
                    .contains("FaultTo");
            assertThat(relay.gatewayStatus()).isEqualTo(200);
        }
    }

    @Test
    void metroRequestWithBodyChangedAfterSigningIsRefusedWithFailedCheck() throws Exception {
        UnaryOperator<String> changeBody = request -> {
            String changed = request.replace("<gw:dependancecode>00</gw:dependancecode>",
                    "<gw:dependancecode>01</gw:dependancecode>");
            assertThat(changed).as("the relay changed the signed body").isNotEqualTo(request);
            return changed;
        };
        try (Relay relay = new Relay(Operation.HAAL_LEERRESULTATEN, changeBody, UnaryOperator.identity())) {
            Metro run = metro(Operation.HAAL_LEERRESULTATEN, relay.endpoint());

            assertThat(relay.gatewayStatus()).isEqualTo(500);
            Document fault = SecureXml.parse(relay.answer().getBytes(StandardCharsets.UTF_8));
            Element faultcode = (Element) fault.getElementsByTagName("faultcode").item(0);
            String code = faultcode.getTextContent();
            assertThat(faultcode.lookupNamespaceURI(code.substring(0, code.indexOf(':')))).isEqualTo(Namespaces.WSSE);
            assertThat(code.substring(code.indexOf(':') + 1)).isEqualTo("FailedCheck");
            assertThat(run.exit()).as(run.output()).isEqualTo(1);
            assertThat(run.line("METRO-FAULT")).isEqualTo("{" + Namespaces.WSSE + "}FailedCheck");
        }
    }

    @Test
    void metroRefusesAGatewayAnswerWhoseBodyWasChangedOnTheWay() throws Exception {
        UnaryOperator<String> changeAnswer = answer -> {
            String changed = answer.replace("<geengegevens/>", "<geenwijzigingen/>");
            assertThat(changed).as("the relay changed the signed answer").isNotEqualTo(answer);
            return changed;
        };
        try (Relay relay = new Relay(Operation.HAAL_LEERRESULTATEN, UnaryOperator.identity(), changeAnswer)) {
            Metro run = metro(Operation.HAAL_LEERRESULTATEN, relay.endpoint());

            assertThat(relay.gatewayStatus()).as("the unchanged request is accepted").isEqualTo(200);
            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).doesNotContain("METRO-ANSWER");
            assertThat(run.line("METRO-ERROR")).as("Metro's own signature check").contains("XMLSignatureException");
        }
    }

    private String gatewayEndpoint(Operation op) {
        return "https://127.0.0.1:" + gateway.baseUrl().getPort() + op.path() + "?oin=" + EindtoetsClient.GATEWAY_OIN.value();
    }

    /** Runs MetroClient in a JVM of its own, with only Metro on the class path and las-a's keys. */
    private static Metro metro(Operation op, String endpoint) throws Exception {
        String service = op == Operation.BRENG_DEELNEMERS ? "Deelnemers" : "Leerresultaten";
        String sample = op == Operation.BRENG_DEELNEMERS ? "brengdeelnemers" : "haalleerresultaten";
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "-cp", METRO_LIB.resolve("*") + File.pathSeparator + METRO_DIR,
                "-Djava.net.preferIPv4Stack=true",
                "-Djavax.net.ssl.keyStore=certs-dev/las-a.p12",
                "-Djavax.net.ssl.keyStoreType=PKCS12",
                "-Djavax.net.ssl.keyStorePassword=" + RunningGateway.PASSWORD,
                "-Djavax.net.ssl.trustStore=certs-dev/truststore.p12",
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + RunningGateway.PASSWORD,
                METRO_DIR.resolve("MetroClient.java").toString(),
                "--wsdl", "wsdl/Eindtoets_" + service + "_v1.wsdl",
                "--service", service + "Service",
                "--port", service + "Port",
                "--endpoint", endpoint,
                "--action", op.action(),
                "--school-oin", Oin.ofSchool(SCHOOL).value(),
                "--body", "samples/" + sample + "/" + SCHOOL + "-happy.xml"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the Metro client did not finish: " + new String(out, StandardCharsets.UTF_8));
        }
        return new Metro(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Metro(int exit, String output) {

        /** The rest of the first line that starts with {@code key} and a space, or "" when there is none. */
        String line(String key) {
            return output.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                    .map(l -> l.substring(key.length() + 1)).orElse("");
        }
    }

    /**
     * A plain-HTTP relay on 127.0.0.1 between Metro and the gateway: it takes Metro's request bytes as signed, lets
     * {@code onRequest} change them, sends them to the gateway over mutual TLS as las-a with the project's own HTTP
     * client, and returns the gateway's answer, changed by {@code onAnswer}, to Metro.
     */
    private final class Relay implements AutoCloseable {

        private final HttpServer server;
        private final Operation op;
        private final AtomicReference<String> request = new AtomicReference<>();
        private final AtomicReference<String> answer = new AtomicReference<>();
        private final AtomicReference<Integer> status = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Relay(Operation op, UnaryOperator<String> onRequest, UnaryOperator<String> onAnswer) throws IOException {
            this.op = op;
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(op.path(), exchange -> relay(exchange, onRequest, onAnswer));
            server.start();
        }

        private void relay(HttpExchange exchange, UnaryOperator<String> onRequest, UnaryOperator<String> onAnswer)
                throws IOException {
            try (exchange) {
                String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                request.set(sent);
                EindtoetsClient las = gateway.client("las-a");
                HttpResult result = las.http().post(URI.create(gatewayEndpoint(op)),
                        onRequest.apply(sent).getBytes(StandardCharsets.UTF_8), op.action());
                status.set(result.status());
                answer.set(new String(result.body(), StandardCharsets.UTF_8));
                byte[] back = onAnswer.apply(answer.get()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                exchange.sendResponseHeaders(result.status(), back.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(back);
                }
            } catch (Throwable t) {
                failure.set(t);
                throw t instanceof IOException io ? io : new IOException(t);
            }
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + op.path() + "?oin="
                    + EindtoetsClient.GATEWAY_OIN.value();
        }

        String request() {
            checked();
            return request.get();
        }

        String answer() {
            checked();
            return answer.get();
        }

        int gatewayStatus() {
            checked();
            return status.get();
        }

        private void checked() {
            assertThat(failure.get()).as("relay failure").isNull();
            assertThat(request.get()).as("Metro sent a request through the relay").isNotNull();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
