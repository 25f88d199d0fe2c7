package nl.eindtoets.gateway.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import nl.eindtoets.gateway.mandate.MandateFile;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.mandate.OsrSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code osr-sim}: serves the OSR mandate query and endpoint lookup from a mandates file over mutual TLS until stopped. */
@Command(name = "osr-sim", mixinStandardHelpOptions = true,
        description = {"Runs a local OSR stand-in: GET /api/v2/mandates and GET /api/v2/endpoints?routing_id= over HTTPS",
                "with a required client certificate, answering from a mandates file; GET /sim/stats counts the queries.",
                "Point the gateway at it with EINDTOETS_MANDATE_REGISTER=osr EINDTOETS_OSR_BASE_URL=https://localhost:8444."})
public final class OsrSimCommand implements Runnable {

    @Option(names = "--host", defaultValue = "localhost", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8444", description = "Port to listen on; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--keystore", defaultValue = "certs-dev/osr.p12", description = "PKCS#12 with the server key (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--mandates",
            description = "Mandates file with optional endpoints (default: the built-in development mandates and endpoints).")
    Path mandates;

    @Override
    public void run() {
        char[] trustPassword = (truststorePassword != null ? truststorePassword : password).toCharArray();
        OsrSimulator simulator = new OsrSimulator(host, port,
                MutualTlsContext.context(keystore, password.toCharArray(), alias, truststore, trustPassword),
                MandateFile.readContents(mandates));
        simulator.start();
        System.out.println("osr-sim listening on " + simulator.baseUrl() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "osr-sim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.stop();
        }
    }
}
