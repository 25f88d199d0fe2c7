package nl.eindtoets.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server under test in its own JVM (started with this JVM's class path), so its CPU time and heap are its own and
 * the load generator does not share its JIT, GC or heap. Output goes to a log file; statistics come from the child's
 * loopback stats endpoint; closing the child's standard input stops it.
 */
final class ServerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient STATS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final ServerKind kind;
    private final Process process;
    private final int port;
    private final int statsPort;
    private final String signingProvider;
    private final List<String> jvmArgs;
    private final Path log;

    private ServerProcess(String name, ServerKind kind, Process process, int port, int statsPort,
                          String signingProvider, List<String> jvmArgs, Path log) {
        this.name = name;
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
        this.signingProvider = signingProvider;
        this.jvmArgs = jvmArgs;
        this.log = log;
    }

    /**
     * @param name     label in reports and the log file name
     * @param jvmArgs  heap size and other JVM options for the child
     * @param settings gateway configuration keys (key=value) for the child
     * @param workDir  where the log and the ready file go
     */
    static ServerProcess start(String name, ServerKind kind, List<String> jvmArgs, Map<String, String> settings,
                               Path workDir) throws IOException, InterruptedException {
        int port = freePort();
        Path ready = workDir.resolve(name + ".ready");
        Files.deleteIfExists(ready);
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerLauncher.class.getName());
        command.add(kind.name());
        command.add(String.valueOf(port));
        command.add(ready.toString());
        settings.forEach((k, v) -> command.add(k + "=" + v));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start within 180 s; see " + log);
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(ready);
        return new ServerProcess(name, kind, process, port, Integer.parseInt(lines.get(0).strip()),
                lines.get(1).strip(), List.copyOf(jvmArgs), log);
    }

    String name() {
        return name;
    }

    ServerKind kind() {
        return kind;
    }

    int port() {
        return port;
    }

    /** The JCA provider that signs with the server's key in its JVM (AmazonCorrettoCryptoProvider, SunRsaSign). */
    String signingProvider() {
        return signingProvider;
    }

    long pid() {
        return process.pid();
    }

    List<String> jvmArgs() {
        return jvmArgs;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    URI baseUrl() {
        return URI.create("https://localhost:" + port);
    }

    ProcessStats stats() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = STATS.send(HttpRequest.newBuilder(statsUri("/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readValue(r.body(), ProcessStats.class);
    }

    void resetPeaks() throws IOException, InterruptedException {
        STATS.send(HttpRequest.newBuilder(statsUri("/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private URI statsUri(String path) {
        return URI.create("http://127.0.0.1:" + statsPort + path);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.flush();
            } catch (IOException ignored) {
                // the child is going away anyway
            }
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
