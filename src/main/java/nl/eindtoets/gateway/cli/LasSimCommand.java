package nl.eindtoets.gateway.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import nl.eindtoets.gateway.lassim.LasSimulator;
import nl.eindtoets.gateway.lassim.ReceivedResults;
import nl.eindtoets.gateway.lassim.ScriptedFailures;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.request.Oin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code las-sim}: serves the LAS side of the result push ({@code POST /leerlingresultaat}) until stopped. */
@Command(name = "las-sim", mixinStandardHelpOptions = true,
        description = {"Runs a local LAS stand-in: POST /leerlingresultaat?edu-to=&edu-from= over HTTPS with a required",
                "client certificate, validated against the Leerlingresultaat schema (rest/las-leerlingresultaat-openapi.yaml);",
                "GET /sim/received lists what arrived, GET /sim/stats counts the answers, POST /sim/fail-next?status=&count=",
                "scripts failures. See docs/las-sim.md."})
public final class LasSimCommand implements Runnable {

    /** The supplier of the development fixtures (certs-dev/gateway.p12). */
    static final String DEV_SUPPLIER_OIN = "00000099000000002000";

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "localhost", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8445", description = "Port to listen on; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--keystore", defaultValue = "certs-dev/las-a.p12",
            description = "PKCS#12 with the LAS's server key (default: ${DEFAULT-VALUE}).")
    Path keystore;

    @Option(names = "--password", defaultValue = "changeit", description = "Password of the keystore (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--alias", description = "Key alias in the keystore (default: its only key).")
    String alias;

    @Option(names = "--truststore", defaultValue = "certs-dev/truststore.p12",
            description = "PKCS#12 with the roots client certificates must chain to (default: ${DEFAULT-VALUE}).")
    Path truststore;

    @Option(names = "--truststore-password", description = "Password of the trust store (default: --password).")
    String truststorePassword;

    @Option(names = "--accept-supplier", paramLabel = "OIN",
            description = "OIN of a supplier whose client certificate is accepted; repeat for several (default: "
                    + DEV_SUPPLIER_OIN + ", the development supplier). Others get 401.")
    List<String> acceptedSuppliers;

    @Option(names = "--school", paramLabel = "OIN",
            description = "OIN of a school this LAS administers; repeat for several (default: every school). Others get 405.")
    List<String> schools;

    @Option(names = "--store-dir", paramLabel = "DIR",
            description = "Also write every accepted result to DIR as one JSON file (default: memory only).")
    Path storeDir;

    @Option(names = "--keep", defaultValue = "10000",
            description = "How many accepted results GET /sim/received holds, newest kept (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--fail-next", paramLabel = "STATUS[:COUNT]",
            description = "Answer the next COUNT deliveries with STATUS (400-599) before working normally, e.g. 503:2;"
                    + " repeat to queue several.")
    List<String> failNext;

    @Override
    public void run() {
        LasSimulator simulator = start();
        System.out.println("las-sim listening on " + simulator.baseUrl() + LasSimulator.PATH + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "las-sim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.stop();
        }
    }

    /** The simulator as the options describe it, started; a bad option is a usage error. */
    LasSimulator start() {
        Set<Oin> suppliers = new LinkedHashSet<>();
        for (String oin : acceptedSuppliers == null ? List.of(DEV_SUPPLIER_OIN) : acceptedSuppliers) {
            Oin parsed = Oin.parseOrNull(oin);
            if (parsed == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--accept-supplier: not an OIN: " + oin);
            }
            suppliers.add(parsed);
        }
        List<int[]> script;
        try {
            script = (failNext == null ? List.<String>of() : failNext).stream().map(ScriptedFailures::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-next: " + e.getMessage());
        }
        char[] trustPassword = (truststorePassword != null ? truststorePassword : password).toCharArray();
        LasSimulator simulator = new LasSimulator(host, port,
                MutualTlsContext.context(keystore, password.toCharArray(), alias, truststore, trustPassword),
                suppliers, schools == null ? Set.of() : Set.copyOf(schools), new ReceivedResults(keep, storeDir),
                Clock.systemUTC());
        script.forEach(s -> simulator.failNext(s[0], s[1]));
        return simulator.start();
    }
}
