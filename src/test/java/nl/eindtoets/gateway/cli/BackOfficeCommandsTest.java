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
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.push.ConfiguredLasEndpoints;
import nl.eindtoets.gateway.store.AuditRecord;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.DevelopmentData;
import nl.eindtoets.gateway.store.JdbcAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back office CLI commands, run as an operator would, on an H2 file named by --config. */
class BackOfficeCommandsTest {

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void configure() throws Exception {
        config = dir.resolve("gateway.properties");
        Files.writeString(config, "db.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "\n"
                + "db.seed-development-data=false\n");
    }

    private CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    private Database open() {
        return Database.open(GatewayConfig.load(config));
    }

    @Test
    void registersAndListsSchools() {
        assertThat(run("schools", "register", "--brin", "12AB", "--schooljaar", "2026-2027", "--opens", "2026-12-01",
                "--closes", "2027-01-31").exitCode()).isZero();

        CliRun list = run("schools", "list", "--schooljaar", "2026-2027");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("12AB\t2026-2027\t2026-12-01\t2027-01-31");
    }

    @Test
    void registersASchoolWithItsNameAndListsTheName() {
        assertThat(run("schools", "register", "--brin", "12AB", "--schooljaar", "2026-2027", "--opens", "2026-12-01",
                "--closes", "2027-01-31", "--naam", "Basisschool De Eikenhorst").exitCode()).isZero();

        CliRun list = run("schools", "list", "--schooljaar", "2026-2027");

        assertThat(list.out()).contains("\tnaam\n")
                .contains("12AB\t2026-2027\t2026-12-01\t2027-01-31\tBasisschool De Eikenhorst");
    }

    @Test
    void setsListsAndRemovesLasEndpoints() {
        assertThat(run("las-endpoints", "set", "--routing-id", "RK0000000000000099AA", "--url",
                "https://las-a.example/eindtoets").exitCode()).isZero();

        CliRun list = run("las-endpoints", "list");
        CliRun removed = run("las-endpoints", "remove", "--routing-id", "RK0000000000000099AA");
        CliRun removedAgain = run("las-endpoints", "remove", "--routing-id", "RK0000000000000099AA");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("RK0000000000000099AA\thttps://las-a.example/eindtoets");
        assertThat(removed.exitCode()).isZero();
        assertThat(removedAgain.exitCode()).isEqualTo(1);
        assertThat(run("las-endpoints", "list").out()).doesNotContain("RK0000000000000099AA");
    }

    @Test
    void refusesToSetAMalformedRouteringskenmerkOrAPlainHttpUrlWithExitCode2() {
        CliRun shortId = run("las-endpoints", "set", "--routing-id", "RK99AA", "--url", "https://las-a.example");
        CliRun plainHttp = run("las-endpoints", "set", "--routing-id", "RK0000000000000099AA", "--url", "http://las-a.example");

        assertThat(shortId.exitCode()).isEqualTo(2);
        assertThat(plainHttp.exitCode()).isEqualTo(2);
        try (Database db = open()) {
            assertThat(new ConfiguredLasEndpoints(db, Clock.systemUTC()).all()).isEmpty();
        }
    }

    @Test
    void importsAGoodResultsFileAndRefusesABadOneWithExitCode2() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
        try (Database db = open()) {
            DevelopmentData.seedIfEmpty(db, clock);
            new DeelnemersService(db, clock).bring(Lijsten.caller("99AA"), Lijsten.digest("1"),
                    Lijsten.lijst("99AA", "a", 2, OffsetDateTime.parse("2026-11-15T10:00:00+01:00")));
        }
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "brincode,schooljaar,leerlingid,toetscode,afnamedatum,score\n"
                + "99AA,2026-2027,a-0,EINDTOETS-2027,2027-04-20,212\n");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"brincode\":\"99AA\",\"schooljaar\":\"2026-2027\",\"leerlingid\":\"a-1\","
                + "\"toetscode\":\"EINDTOETS-2027\",\"afnamedatum\":\"2027-04-20\",\"score\":-1}]");

        CliRun stored = run("results", "import", good.toString());
        CliRun refused = run("results", "import", bad.toString());

        assertThat(stored.exitCode()).isZero();
        assertThat(stored.out()).contains("\"stored\" : true");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).contains("\"field\" : \"score\"");
    }

    @Test
    void listsAuditRecordsOfOneSchool() {
        try (Database db = open()) {
            JdbcAuditLog audit = new JdbcAuditLog(db);
            audit.record(new AuditRecord(Instant.parse("2026-11-30T09:00:00Z"), "c1", "m1", "00000099000000001000",
                    "0000000700099AA00000", "BrengDeelnemers", "accepted", null, null));
            audit.record(new AuditRecord(Instant.parse("2026-11-30T09:01:00Z"), "c2", "m2", "00000099000000003000",
                    "0000000700099AC00000", "HaalLeerresultaten", "refused", "Client.SchoolOnbekend", null));
        }

        CliRun list = run("audit", "list", "--school-oin", "0000000700099AC00000");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("c2\tm2").contains("Client.SchoolOnbekend").doesNotContain("c1\tm1");
    }
}
