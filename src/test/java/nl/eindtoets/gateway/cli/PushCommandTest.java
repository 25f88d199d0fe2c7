package nl.eindtoets.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.deelnemers.DeelnemersService;
import nl.eindtoets.gateway.deelnemers.Levering;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code push status} and {@code push retry}, after {@code results import} for a school whose list came over REST. */
class PushCommandTest {

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void aRestSchoolWithAnImportedResult() throws Exception {
        config = dir.resolve("gateway.properties");
        Files.writeString(config, "db.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "\n"
                + "db.seed-development-data=false\n");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(GatewayConfig.load(config))) {
            DevelopmentData.seedIfEmpty(db, clock);
            // Delivered inside the development registration window, whatever today is.
            new DeelnemersService(db, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC)).register(Lijsten.caller("99AA"), Lijsten.digest("1"),
                    Lijsten.lijst("99AA", "a", 2, OffsetDateTime.parse("2026-11-15T10:00:00+01:00")),
                    Levering.rest(Levering.Soort.STANDLEVERING, "LASA0000000000000099"));
        }
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "brincode,schooljaar,leerlingid,toetscode,afnamedatum,score\n"
                + "99AA,2026-2027,a-0,EINDTOETS-2027,2027-04-20,212\n");
        assertThat(run("results", "import", file.toString()).exitCode()).isZero();
    }

    private CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    @Test
    void statusListsTheImportedResultAsPending() {
        CliRun status = run("push", "status", "--schooljaar", "2026-2027");

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("99AA\t00\t2026-2027\t1\t0\t0\t");
    }

    @Test
    void retryOfASchoolMakesItsMessagesDueAndRetryOfAnUnknownMessageExits1() {
        CliRun school = run("push", "retry", "--brin", "99AA", "--schooljaar", "2026-2027");
        CliRun unknown = run("push", "retry", "--message", "4242");

        assertThat(school.exitCode()).isZero();
        assertThat(school.out()).contains("retried\t1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).contains("retried\t0");
    }
}
