package nl.eindtoets.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.eindtoets.gateway.cli.GatewayCommand;
import nl.eindtoets.gateway.deelnemers.CurrentList;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.PupilReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code send-rest} as the README's first REST request, against the real gateway with the development fixtures
 * (school 99AA, las-a) and the samples of samples/rest/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendRestEndToEndTest {

    private RunningGateway gateway;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    void startAndRegisterTheFirstList() {
        gateway = RunningGateway.start(Map.of());

        int exit = sendRest("--operation", "registreren", "--file", "samples/rest/registreren-99AA-doorstroom-v1.1.json");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("HTTP 202").contains("X-Correlatie-Id: ").contains("2 deelnemers");
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void anEindtoetsketenV3SampleIsAccepted() {
        int exit = sendRest("--operation", "registreren", "--file", "samples/rest/registreren-99AA-eindtoets-v3.json");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("HTTP 202");
    }

    @Test
    void theSchooladviezenSampleIsAcceptedForThePupilsOfTheList() {
        int exit = sendRest("--operation", "registreren-schooladviezen", "--file", "samples/rest/schooladviezen-99AA.json");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("HTTP 202").contains("2 leerlingen");
    }

    @Test
    void theBsnSampleIsAnswered422AndExitsOne() {
        int exit = sendRest("--operation", "registreren", "--file", "samples/rest/registreren-99AA-invalid-bsn.json");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("HTTP 422").contains("/deelnemers/1/bsn").doesNotContain("123456782");
    }

    @Test
    void theJaargroep6SampleIsAnswered422WithItsPath() {
        int exit = sendRest("--operation", "registreren", "--file",
                "samples/rest/registreren-99AA-invalid-jaargroep-6.json");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("HTTP 422").contains("/deelnemers/1/niveau/niveau");
    }

    @Test
    void aReportNotYetAvailableIsAnswered204AndExitsZero() {
        String id = new PupilReports(gateway.database()).ids("99AA", "00", "2026-2027").get("LAS-key:lln-0002");

        int exit = sendRest("--operation", "leerlingrapport", "--rapportid", id);

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("HTTP 204");
    }

    @Test
    void anUnknownReportIsAnswered404AndExitsOne(@TempDir Path dir) {
        Path pdf = dir.resolve("rapport.pdf");

        int exit = sendRest("--operation", "leerlingrapport", "--rapportid", "B".repeat(43), "--out", pdf.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("HTTP 404");
        assertThat(Files.exists(pdf)).isFalse();
    }

    @Test
    void withoutEduFromTheListIsSentUnderTheSchoolsDevelopmentRouteringskenmerk() {
        // The development endpoints (mandates-dev.json) route results for RK0000000000000099AA to las-sim.
        Optional<CurrentList> list = new DeliveryStore(gateway.database()).currentList("99AA", "00", "2026-2027");

        assertThat(list).isPresent();
        assertThat(list.get().delivery().levering().eduFrom()).isEqualTo("RK0000000000000099AA");
    }

    @Test
    void aMissingFileIsNotSentAndExitsThree() {
        int exit = sendRest("--operation", "registreren", "--file", "samples/rest/no-such-file.json");

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("Request not sent");
    }

    private int sendRest(String... more) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new GatewayCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("send-rest", "--keystore", "certs-dev/las-a.p12", "--school", "99AA",
                "--url", gateway.baseUrl().toString()));
        args.addAll(List.of(more));
        return cli.execute(args.toArray(String[]::new));
    }
}
