package nl.eindtoets.gateway.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import nl.eindtoets.gateway.client.TruststoreFile;
import picocli.CommandLine.Option;

/** Where the gateway is and which CAs its server certificate must chain to: shared by {@code send} and {@code send-rest}. */
final class GatewayConnectionOptions {

    @Option(names = "--url", defaultValue = "https://localhost:8443", description = "Gateway base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--truststore", defaultValue = "certs-dev/truststore.p12", description = "Trusted CAs (default: ${DEFAULT-VALUE}).")
    Path truststore;

    @Option(names = "--truststore-password", defaultValue = "changeit", description = "Trust store password.")
    String truststorePassword;

    @Option(names = "--timeout", defaultValue = "30", description = "Timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    TruststoreFile trust() {
        return new TruststoreFile(truststore, truststorePassword);
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
