package nl.eindtoets.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import nl.eindtoets.gateway.lassim.LasSimulator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LasSimCommandTest {

    @Test
    void lasSimIsACommandOfTheGateway() {
        assertThat(new CommandLine(new GatewayCommand()).getSubcommands()).containsKey("las-sim");
    }

    @Test
    void failNextOptionsQueueTheirAnswersBeforeTheFirstDelivery() {
        LasSimCommand command = new LasSimCommand();
        new CommandLine(command).parseArgs("--host", "127.0.0.1", "--port", "0", "--fail-next", "503:2",
                "--fail-next", "422");

        try (LasSimulator las = command.start()) {
            assertThat(las.port()).isPositive();
            assertThat(las.failuresPending()).isEqualTo(3);
        }
    }

    @Test
    void aSuccessStatusForFailNextIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GatewayCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("las-sim", "--host", "127.0.0.1", "--port", "0", "--fail-next", "202:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--fail-next: not an error status: 202");
    }

    @Test
    void anAcceptedSupplierThatIsNotAnOinIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GatewayCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("las-sim", "--host", "127.0.0.1", "--port", "0", "--accept-supplier", "12345");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--accept-supplier: not an OIN: 12345");
    }
}
