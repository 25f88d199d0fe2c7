package nl.eindtoets.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs an interop client of another stack (Python, Node.js) as a process of its own and reads the one JSON object it
 * prints last: what it sent, the gateway's answer and its own verification of that answer.
 */
final class InteropClientRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InteropClientRun() {
    }

    /** Whether a missing stack fails the interop tests instead of skipping them (.ci/run sets it). */
    static boolean required() {
        return Boolean.getBoolean("interop.required")
                || "true".equalsIgnoreCase(System.getenv("EINDTOETS_INTEROP_REQUIRED"));
    }

    /** The report of {@code command}, which must exit 0 within two minutes; its standard error goes to {@code dir}. */
    static JsonNode report(List<String> command, Path dir) throws Exception {
        Path stderr = dir.resolve("stderr-" + UUID.randomUUID() + ".txt");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the client did not finish: " + command);
        }
        String err = Files.readString(stderr);
        assertThat(p.exitValue()).as("client exit; stderr: " + err + "\nstdout: " + out).isZero();
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        return JSON.readTree(last);
    }
}
