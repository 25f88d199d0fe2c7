package nl.eindtoets.gateway.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.eindtoets.gateway.it.FreePort;

/**
 * The gateway as a separate process ({@code serve --config <file>} on this test run's class path), with the
 * production logging configuration, so a test can kill it like an operating system does and start it again.
 */
final class GatewayProcess implements AutoCloseable {

    final int port = FreePort.find();
    final int opsPort = FreePort.find();
    final URI baseUrl = URI.create("https://localhost:" + port);
    final Path log;
    private final Path config;
    private final Map<String, String> environment;
    private Process process;

    GatewayProcess(Path dir, Map<String, String> settings, Map<String, String> environment) throws IOException {
        this.log = dir.resolve("gateway.log");
        this.config = dir.resolve("gateway.properties");
        this.environment = environment;
        Properties p = new Properties();
        p.putAll(settings);
        p.put("server.port", String.valueOf(port));
        p.put("server.public-url", baseUrl.toString());
        p.put("ops.port", String.valueOf(opsPort));
        p.put("backoffice.enabled", "false");
        p.put("limits.per-signer.requests-per-second", "1000");
        p.put("limits.per-signer.burst", "1000");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "reliability test gateway");
        }
    }

    /** Starts the process and waits until /ready answers 200. */
    void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-Dlogback.configurationFile=logback.xml", "-cp", classPath,
                "nl.eindtoets.gateway.cli.GatewayCommand", "serve", "--config", config.toString()))
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitReady(Duration.ofSeconds(90));
    }

    /** SIGKILL: no shutdown hook, no orderly close of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady(Duration within) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway process exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + opsPort + "/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gateway process not ready in " + within);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
