package nl.eindtoets.gateway.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.backoffice.ParticipantExport;
import nl.eindtoets.gateway.deelnemers.CurrentList;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code participants list|export}: the participant lists delivered by LAS products. */
@Command(name = "participants", mixinStandardHelpOptions = true,
        description = "Show a school's current participant list or export all current lists.",
        subcommands = {ParticipantsCommand.List.class, ParticipantsCommand.Export.class})
public final class ParticipantsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print a school's current participant list as JSON.")
    static final class List implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--brin", required = true)
        String brin;
        @Option(names = "--schooljaar", required = true)
        String schooljaar;
        @Option(names = "--dependancecode", defaultValue = "00")
        String dependancecode;

        @Override
        public Integer call() throws IOException {
            try (Database db = store.open()) {
                var list = new DeliveryStore(db).currentList(brin, dependancecode, schooljaar);
                if (list.isEmpty()) {
                    System.err.println("no participant list delivered for " + brin + "/" + dependancecode + "/"
                            + schooljaar);
                    return 1;
                }
                CurrentList l = list.get();
                System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(l));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export every participant of the current lists (streamed; any size).")
    static final class Export implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--schooljaar", description = "only this school year")
        String schooljaar;
        @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE})")
        String format;
        @Option(names = {"-o", "--output"}, description = "file to write; standard output when absent")
        Path output;

        @Override
        public Integer call() throws IOException {
            ParticipantExport.Format f = ParticipantExport.Format.parse(format);
            try (Database db = store.open();
                 OutputStream out = new BufferedOutputStream(
                         output == null ? System.out : Files.newOutputStream(output), 1 << 16)) {
                long n = new ParticipantExport(new DeliveryStore(db)).write(schooljaar, f, out);
                out.flush();
                System.err.println(n + " participants exported");
            }
            return 0;
        }
    }
}
