package nl.eindtoets.gateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.backoffice.ResultFiles;
import nl.eindtoets.gateway.leerresultaten.ImportReport;
import nl.eindtoets.gateway.leerresultaten.ResultImport;
import nl.eindtoets.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code results import}: results files that HaalLeerresultaten then serves. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Import results.",
        subcommands = {ResultsCommand.Import.class})
public final class ResultsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a results file (JSON or CSV). Stored whole or, when any row is wrong, not at all;"
                    + " exit code 0 when stored, 2 when refused.")
    static final class Import implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--format", description = "json or csv; by default from the file name (.csv is CSV)")
        String format;

        @Override
        public Integer call() throws IOException {
            ResultFiles.Format f = format != null ? ResultFiles.Format.parse(format)
                    : file.getFileName().toString().toLowerCase().endsWith(".csv")
                    ? ResultFiles.Format.CSV : ResultFiles.Format.JSON;
            ImportReport report;
            try (Database db = store.open(); InputStream in = Files.newInputStream(file)) {
                report = new ResultImport(db, Clock.systemUTC()).run(ResultFiles.read(in, f), "cli");
            }
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.stored() ? 0 : 2;
        }
    }
}
