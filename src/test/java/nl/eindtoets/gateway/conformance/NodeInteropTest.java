package nl.eindtoets.gateway.conformance;

import static nl.eindtoets.gateway.conformance.InteropReportAssertions.assertAcceptedAndVerified;
import static nl.eindtoets.gateway.conformance.InteropReportAssertions.assertRefusedUnsigned;
import static nl.eindtoets.gateway.conformance.InteropReportAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.eindtoets.gateway.it.RunningGateway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a Node.js WS-Security stack: {@code src/test/node/wus-soap-client.js} builds requests from our
 * WSDL with npm {@code soap}, signs them as las-a with soap's {@code WSSecurityCert}, posts them over mutual TLS to the
 * real gateway on 127.0.0.1 and verifies the signed answers with {@code xml-crypto} on {@code @xmldom/xmldom}; these
 * tests assert on the JSON object it prints.
 *
 * <p>The npm packages are those of {@code src/test/node/package-lock.json}; when {@code src/test/node/node_modules}
 * lacks them this class runs {@code npm ci} there first. Without node (20.19 or later, as soap 1.13.0 needs) and npm,
 * or when npm ci fails, the tests are skipped, unless {@code EINDTOETS_INTEROP_REQUIRED=true} (as .ci/run sets) or
 * {@code -Dinterop.required=true}, in which case they fail. node is {@code EINDTOETS_NODE} when set, else
 * {@code node} on the PATH; npm is {@code npm} on the PATH.
 */
class NodeInteropTest {

    private static final Path CLIENT_DIR = Path.of("src", "test", "node");
    private static final Path SCRIPT = CLIENT_DIR.resolve("wus-soap-client.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String node;

    private final RunningGateway gateway = RunningGateway.shared();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireNodeWithTheLockedPackages() throws Exception {
        String configured = System.getenv("EINDTOETS_NODE");
        String candidate = configured == null || configured.isBlank() ? "node" : configured;
        String problem = null;
        // soap 1.13.0 needs node 20.19 or later (its package.json "engines").
        if (!runs(candidate, "-e", "const [major, minor] = process.versions.node.split('.').map(Number);"
                + " process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)")) {
            problem = "no node 20.19 or later (" + candidate + ")";
        } else if (!packagesInstalled()) {
            problem = npmCi();
        }
        if (problem != null && InteropClientRun.required()) {
            fail("node with the npm packages of " + CLIENT_DIR + " is required (EINDTOETS_INTEROP_REQUIRED=true): "
                    + problem);
        }
        Assumptions.assumeTrue(problem == null, problem + ": interop with Node.js not checked");
        node = candidate;
    }

    @Test
    void brengDeelnemersSignedWithSoapWsSecurityCertIsAcknowledgedAndTheAnswerVerifiesWithXmlCrypto() throws Exception {
        JsonNode report = exchange("BrengDeelnemers", "samples/brengdeelnemers/99AA-happy.xml");

        assertAcceptedAndVerified(report, "deelnemers_ontvangst");
    }

    @Test
    void haalLeerresultatenSignedWithSoapWsSecurityCertIsAnsweredAndTheAnswerVerifiesWithXmlCrypto() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml");

        assertAcceptedAndVerified(report, "leerresultaten_antwoord");
    }

    @Test
    void soapWsSecurityCertSignsThe2WbeSProfile() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml");

        assertThat(texts(report.path("signed"))).containsExactlyInAnyOrder(
                "soap:Body", "wsu:Timestamp", "wsa:To", "wsa:Action", "wsa:MessageID", "wsa:From");
        JsonNode profile = report.path("profile");
        assertThat(profile.path("canonicalization").asText()).isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(profile.path("signature_method").asText())
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(texts(profile.path("transforms"))).containsExactly("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(texts(profile.path("digest_methods"))).containsExactly("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(profile.path("token").asText()).isEqualTo("wsse:BinarySecurityToken "
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3");
        assertThat(profile.path("timestamp_lifetime_s").asInt()).as("WSSecurityCert's fixed 10 minutes").isEqualTo(600);
        assertThat(report.path("http_status").asInt()).as(report.toString()).isEqualTo(200);
    }

    @Test
    void soapWsSecurityCertWithItsDefaultEnvelopedSignatureTransformIsRefusedWithInvalidSecurity() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml",
                "--soap-default-transforms");

        assertThat(texts(report.path("profile").path("transforms")))
                .contains("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        assertRefusedUnsigned(report, "InvalidSecurity");
    }

    @Test
    void requestWithBodyChangedAfterSigningIsRefusedWithFailedCheck() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml", "--tamper-request");

        assertThat(report.path("tampered_request").asText()).isNotEmpty();
        assertRefusedUnsigned(report, "FailedCheck");
    }

    @Test
    void gatewayAnswerWithAChangedBodyFailsTheXmlCryptoVerification() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml", "--tamper-answer");

        assertThat(report.path("http_status").asInt()).isEqualTo(200);
        assertThat(report.path("verified").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("verification_error").asText()).startsWith("digest of").endsWith("(Body) does not match");
    }

    @Test
    void gatewayAnswerWithItsSignedBodyHiddenInAHeaderFailsTheVerificationThatXmlCryptoAlonePasses() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml", "--wrap-answer");

        assertThat(report.path("http_status").asInt()).isEqualTo(200);
        assertThat(report.path("xml_crypto_alone_valid").asBoolean()).as("the wrapped answer is a real attack: "
                + "its signature and digests are still valid").isTrue();
        assertThat(report.path("verified").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("verification_error").asText()).startsWith("reference #")
                .endsWith("points at nothing the profile signs");
    }

    /** Runs the Node client against the shared gateway on 127.0.0.1 and returns the JSON object it printed. */
    private JsonNode exchange(String operation, String body, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(node, SCRIPT.toString(),
                "--gateway", "https://127.0.0.1:" + gateway.baseUrl().getPort(), "--certs", "certs-dev",
                "--operation", operation, "--school", "99AA", "--body", body));
        cmd.addAll(List.of(extra));
        return InteropClientRun.report(cmd, dir);
    }

    /** Whether node_modules holds exactly the versions package.json pins (npm ci would install no others). */
    private static boolean packagesInstalled() throws IOException {
        JsonNode pinned = JSON.readTree(CLIENT_DIR.resolve("package.json").toFile()).path("dependencies");
        for (Map.Entry<String, JsonNode> p : pinned.properties()) {
            Path manifest = CLIENT_DIR.resolve("node_modules").resolve(p.getKey()).resolve("package.json");
            if (!Files.isRegularFile(manifest)
                    || !p.getValue().asText().equals(JSON.readTree(manifest.toFile()).path("version").asText())) {
                return false;
            }
        }
        return !pinned.isEmpty();
    }

    /** Installs the locked packages; returns why that failed, or null. */
    private static String npmCi() throws InterruptedException {
        Path log = Path.of("target", "npm-ci.log");
        try {
            Files.createDirectories(log.getParent());
            // --ignore-scripts: none of the locked packages needs an install script, so none may run one.
            Process p = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(CLIENT_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "npm ci in " + CLIENT_DIR + " did not finish in 5 minutes (see " + log + ")";
            }
            if (p.exitValue() != 0) {
                return "npm ci in " + CLIENT_DIR + " failed: " + Files.readString(log).strip();
            }
            return packagesInstalled() ? null : "npm ci did not install the versions package.json pins";
        } catch (IOException e) {
            return "npm ci could not run: " + e.getMessage();
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
