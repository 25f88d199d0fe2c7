package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.cli.GatewayCommand;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.store.DatabaseSettings;
import org.w3c.dom.Element;
import picocli.CommandLine;

/**
 * A gateway of its own for one test class, on the store it is given: las-a holds the mandate of every school the
 * class names (embedded mandates file), nothing is seeded, and schools are registered through the back office API.
 * Also the supplier's side: the back office over HTTP with its bearer token, and the CLI on the same database.
 */
final class StoreGateway {

    /** OIN of the development LAS vendor las-a (certs-dev/las-a.p12). */
    static final String LAS_A_OIN = "00000099000000001000";

    private final RunningGateway gateway;
    private final String token;
    private final Path cliConfig;
    private final HttpClient http = HttpClient.newHttpClient();

    private StoreGateway(RunningGateway gateway, String token, Path cliConfig) {
        this.gateway = gateway;
        this.token = token;
        this.cliConfig = cliConfig;
    }

    /** An H2 file in {@code dir}, shared with the CLI through AUTO_SERVER as in the default configuration. */
    static DatabaseSettings h2(Path dir) {
        return new DatabaseSettings("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath().toString()
                .replace('\\', '/') + ";AUTO_SERVER=TRUE", "sa", "", 10, java.time.Duration.ofSeconds(10));
    }

    /**
     * Starts the gateway on {@code database} with mandates of las-a for {@code mandatedSchools}; none is registered.
     */
    static StoreGateway start(Path dir, DatabaseSettings database, List<String> mandatedSchools) throws IOException {
        return start(dir, database, mandatedSchools, Map.of());
    }

    /**
     * As {@link #start(Path, DatabaseSettings, List)}, with {@code overrides} on top of the settings. The mandates
     * cover both the SOAP service (eindtoets) and the REST front door's (doorstroomtoets).
     */
    static StoreGateway start(Path dir, DatabaseSettings database, List<String> mandatedSchools,
                              Map<String, String> overrides) throws IOException {
        Path mandates = dir.resolve("mandates.json");
        List<String> entries = new ArrayList<>();
        for (String brin : mandatedSchools) {
            for (String service : List.of("urn:dev:osr:logistiek-proces-eindtoets-po",
                    "urn:dev:osr:logistiek-proces-doorstroomtoets-po")) {
                entries.add("""
                        {"supplier_oin": "%s", "school_oin": "%s", "service_version_namespace": "%s",
                         "start_date": "2025-08-01", "end_date": null}""".formatted(LAS_A_OIN,
                        Oin.ofSchool(brin).value(), service));
            }
        }
        Files.writeString(mandates, "{\"mandates\": [" + String.join(",\n", entries) + "]}");

        Map<String, String> db = new HashMap<>();
        db.put("db.url", database.url());
        db.put("db.user", database.user());
        db.put("db.password", database.password());
        db.put("db.seed-development-data", "false");
        Path cliConfig = dir.resolve("gateway.properties");
        StringBuilder properties = new StringBuilder();
        db.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        Files.writeString(cliConfig, properties);

        String token = "e2e-" + UUID.randomUUID();
        Map<String, String> settings = new HashMap<>(db);
        settings.put("mandate.embedded.file", mandates.toString());
        settings.put("backoffice.token", token);
        settings.put("limits.per-signer.requests-per-second", "1000");
        settings.put("limits.per-signer.burst", "1000");
        settings.putAll(overrides);
        return new StoreGateway(RunningGateway.start(settings), token, cliConfig);
    }

    void close() {
        gateway.close();
    }

    RunningGateway gateway() {
        return gateway;
    }

    // --- SOAP, as las-a ---

    GatewayResponse bring(String brin, Element body) throws Exception {
        return gateway.client("las-a").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool(brin), body);
    }

    GatewayResponse haal(String brin, Element body) throws Exception {
        return gateway.client("las-a").send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool(brin), body);
    }

    /** Delivers and returns the receipt's {@code ontvangstid}; fails when the gateway refuses. */
    String deliver(String brin, Element body) throws Exception {
        return ontvangstid(bring(brin, body));
    }

    static String ontvangstid(GatewayResponse response) {
        assertThat(response).as("answer to BrengDeelnemers").isInstanceOf(VerifiedResponse.class);
        Element payload = ((VerifiedResponse) response).payload();
        assertThat(payload.getLocalName()).isEqualTo("deelnemers_ontvangst");
        return payload.getElementsByTagNameNS("urn:eindtoets-gateway:1", "ontvangstid").item(0).getTextContent();
    }

    // --- back office API ---

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.backOfficePort() + path))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /** Registers {@code brin} for 2026-2027 with the window given, through the back office API. */
    void register(String brin, LocalDate opens, LocalDate closes) throws Exception {
        HttpResponse<String> r = post("/api/schools", "application/json",
                "{\"brincode\":\"%s\",\"schooljaar\":\"%s\",\"windowOpens\":\"%s\",\"windowCloses\":\"%s\"}"
                        .formatted(brin, Bodies.SCHOOLJAAR, opens, closes));
        assertThat(r.statusCode()).as("register %s: %s", brin, r.body()).isEqualTo(200);
    }

    /** Registers schools with a window open today (whatever day the tests run). */
    void registerOpen(String... brins) throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        for (String brin : brins) {
            register(brin, today.minusDays(30), today.plusDays(30));
        }
    }

    /** The LAS-keys of the school's current list as the back office API shows it; empty when nothing is stored. */
    List<String> currentKeys(String brin) throws Exception {
        HttpResponse<String> r = get("/api/schools/" + brin + "/" + Bodies.SCHOOLJAAR + "/participants");
        if (r.statusCode() == 404) {
            return List.of();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        Json.MAPPER.readTree(r.body()).get("leerlingen").forEach(l -> keys.add(l.get("key").asText()));
        return keys;
    }

    /** Rows in {@code participant_delivery} for the school, current and superseded, straight from the store. */
    int storedDeliveries(String brin) {
        return gateway.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM participant_delivery WHERE brin = ?")) {
                ps.setString(1, brin);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    // --- CLI on the same database ---

    /** Runs the CLI in this JVM with {@code --config} on this gateway's database; returns exit code and stdout. */
    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(cliConfig.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        synchronized (System.class) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                code = new CommandLine(new GatewayCommand()).execute(all.toArray(String[]::new));
            } finally {
                System.setOut(original);
            }
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8));
    }

    record CliRun(int exitCode, String stdout) {
    }
}
