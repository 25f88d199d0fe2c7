package nl.eindtoets.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DatabaseSettings;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI export of 100,000 participants, run in a separate JVM limited to 256 MiB of heap against a prepared H2
 * file: the export streams instead of building the file in memory.
 */
class ParticipantsExportCommandTest {

    private static final int SCHOOLS = 40;
    private static final int PER_SCHOOL = 2_500;

    @TempDir
    static Path dir;
    private static Path config;

    @BeforeAll
    static void prepareDatabase() throws Exception {
        Path h2 = dir.resolve("export");
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(new DatabaseSettings("jdbc:h2:file:" + h2.toAbsolutePath(), "sa", "", 4,
                Duration.ofSeconds(10)))) {
            SchoolRegistry registry = new SchoolRegistry(db);
            DeelnemersService service = new DeelnemersService(db, clock);
            for (int i = 0; i < SCHOOLS; i++) {
                String brin = String.format("%02dEX", 10 + i);
                registry.register(new SchoolRegistration(brin, Lijsten.SCHOOLJAAR, LocalDate.of(2026, 9, 1),
                        LocalDate.of(2027, 7, 31), clock.instant()));
                service.bring(Lijsten.caller(brin), Lijsten.digest(brin), Lijsten.lijst(brin, brin, PER_SCHOOL,
                        OffsetDateTime.parse("2026-11-15T10:00:00+01:00")));
            }
        }
        config = dir.resolve("export.properties");
        Files.writeString(config, "db.url=jdbc:h2:file:" + h2.toAbsolutePath().toString().replace("\\", "/")
                + ";AUTO_SERVER=TRUE\ndb.seed-development-data=false\n");
    }

    private static void exportInSmallJvm(String format, Path output) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve("child-" + format + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath,
                GatewayCommand.class.getName(), "participants", "export", "--config", config.toString(),
                "--format", format, "--output", output.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("export finished in time").isTrue();
        assertThat(p.exitValue()).as(() -> "export exit code; output:\n" + readQuietly(log)).isZero();
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "(no output)";
        }
    }

    @Test
    void exportsOneHundredThousandParticipantsAsCsvWithinA256MegabyteHeap() throws Exception {
        Path csv = dir.resolve("deelnemers.csv");

        exportInSmallJvm("csv", csv);

        long lines;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            lines = r.lines().count();
        }
        assertThat(lines).isEqualTo(1 + SCHOOLS * PER_SCHOOL);
    }

    @Test
    void exportsOneHundredThousandParticipantsAsJsonWithinA256MegabyteHeap() throws Exception {
        Path json = dir.resolve("deelnemers.json");

        exportInSmallJvm("json", json);

        long objects = 0;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json.toFile())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                objects++;
            }
        }
        assertThat(objects).isEqualTo(SCHOOLS * PER_SCHOOL);
    }
}
