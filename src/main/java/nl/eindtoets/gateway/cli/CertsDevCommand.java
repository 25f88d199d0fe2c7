package nl.eindtoets.gateway.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.devpki.DevPkiGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Regenerates the development PKI; every run makes new keys. */
@Command(name = "certs-dev", mixinStandardHelpOptions = true,
        description = "Generates the development PKI (keystores, truststore, CRLs, PEM copies). "
                + "Development only: new keys on every run.")
public final class CertsDevCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "certs-dev",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new DevPkiGenerator().generate(out);
        for (Path file : files) {
            System.out.println(out.resolve(file));
        }
        System.out.println("Wrote " + files.size() + " files; keystore password " + DevPkiGenerator.PASSWORD + ".");
        return 0;
    }
}
