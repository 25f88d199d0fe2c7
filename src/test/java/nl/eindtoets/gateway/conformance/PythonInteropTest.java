package nl.eindtoets.gateway.conformance;

import static nl.eindtoets.gateway.conformance.InteropReportAssertions.assertAcceptedAndVerified;
import static nl.eindtoets.gateway.conformance.InteropReportAssertions.assertRefusedUnsigned;
import static nl.eindtoets.gateway.conformance.InteropReportAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.eindtoets.gateway.it.RunningGateway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a Python XML-signature stack that does not use libxmlsec1: {@code src/test/python/wus_lxml_client.py}
 * on lxml (libxml2's exclusive c14n) and cryptography (RSA, SHA-256, X.509), the two libraries signxml is built on,
 * with the ssl module for mutual TLS. It signs requests as las-a, posts them to the real gateway on 127.0.0.1 and
 * verifies the signed answers itself; these tests assert on the JSON object it prints.
 *
 * <p>Without a python3 that imports lxml and cryptography the tests are skipped, unless
 * {@code EINDTOETS_INTEROP_REQUIRED=true} (as .ci/run sets) or {@code -Dinterop.required=true}, in which case they
 * fail. The interpreter is {@code EINDTOETS_PYTHON} when set, else the first of {@code python3} on the PATH and
 * {@code /usr/bin/python3} (where Debian's python3-lxml and python3-cryptography are) that has both.
 */
class PythonInteropTest {

    private static final Path SCRIPT = Path.of("src", "test", "python", "wus_lxml_client.py");
    private static String python;

    private final RunningGateway gateway = RunningGateway.shared();

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePythonWithLxmlAndCryptography() {
        Set<String> candidates = new LinkedHashSet<>();
        String configured = System.getenv("EINDTOETS_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            if (hasLxmlAndCryptography(candidate)) {
                python = candidate;
                break;
            }
        }
        if (python == null && InteropClientRun.required()) {
            fail("python3 with lxml and cryptography is required (EINDTOETS_INTEROP_REQUIRED=true) but none of "
                    + candidates + " has them; apt-get install python3-lxml python3-cryptography");
        }
        Assumptions.assumeTrue(python != null, "no python3 with lxml and cryptography: interop with Python not checked");
    }

    @Test
    void brengDeelnemersSignedWithLxmlAndCryptographyIsAcknowledgedAndTheAnswerVerifies() throws Exception {
        JsonNode report = exchange("BrengDeelnemers", "samples/brengdeelnemers/99AA-happy.xml");

        assertAcceptedAndVerified(report, "deelnemers_ontvangst");
        assertThat(texts(report.path("signed")))
                .containsExactly("soap:Body", "wsu:Timestamp", "wsa:To", "wsa:Action", "wsa:MessageID", "wsa:From");
    }

    @Test
    void haalLeerresultatenSignedWithLxmlAndCryptographyIsAnsweredAndTheAnswerVerifies() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml");

        assertAcceptedAndVerified(report, "leerresultaten_antwoord");
        assertThat(texts(report.path("signed")))
                .containsExactly("soap:Body", "wsu:Timestamp", "wsa:To", "wsa:Action", "wsa:MessageID", "wsa:From");
    }

    @Test
    void requestWithBodyChangedAfterSigningIsRefusedWithFailedCheck() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml", "--tamper-request");

        assertThat(report.path("tampered_request").asText()).isNotEmpty();
        assertRefusedUnsigned(report, "FailedCheck");
    }

    @Test
    void gatewayAnswerWithAChangedBodyFailsThePythonVerification() throws Exception {
        JsonNode report = exchange("HaalLeerresultaten", "samples/haalleerresultaten/99AA-happy.xml", "--tamper-answer");

        assertThat(report.path("http_status").asInt()).isEqualTo(200);
        assertThat(report.path("verified").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("verification_error").asText()).startsWith("digest of").contains("(Body) does not match");
    }

    /** Runs the Python client against the shared gateway on 127.0.0.1 and returns the JSON object it printed. */
    private JsonNode exchange(String operation, String body, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, SCRIPT.toString(),
                "--gateway", "https://127.0.0.1:" + gateway.baseUrl().getPort(), "--certs", "certs-dev",
                "--operation", operation, "--school", "99AA", "--body", body));
        cmd.addAll(List.of(extra));
        return InteropClientRun.report(cmd, dir);
    }

    private static boolean hasLxmlAndCryptography(String interpreter) {
        try {
            Process p = new ProcessBuilder(interpreter, "-c", "import lxml.etree, cryptography.x509")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
