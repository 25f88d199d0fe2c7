package nl.eindtoets.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the runnable jar: one sub-command per task an operator or integrator performs. */
@Command(name = "eindtoets-gateway", mixinStandardHelpOptions = true,
        description = "Edukoppeling WUS 2W-be-S gateway for Logistiek Proces Eindtoets PO.",
        subcommands = {
                ServeCommand.class,
                SendCommand.class,
                SendRestCommand.class,
                SignCommand.class,
                CertsDevCommand.class,
                OsrSimCommand.class,
                LasSimCommand.class,
                SchoolsCommand.class,
                ParticipantsCommand.class,
                ResultsCommand.class,
                PushCommand.class,
                AuditCommand.class,
                LasEndpointsCommand.class,
        })
public final class GatewayCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
