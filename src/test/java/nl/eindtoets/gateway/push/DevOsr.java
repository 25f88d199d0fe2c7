package nl.eindtoets.gateway.push;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.net.ssl.SSLContext;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.mandate.OsrConnection;
import nl.eindtoets.gateway.mandate.OsrEndpoint;
import nl.eindtoets.gateway.mandate.OsrSimulator;
import nl.eindtoets.gateway.request.Oin;

/** osr-sim and the gateway's OSR connection with the development PKI of certs-dev/ (password changeit). */
final class DevOsr {

    /** rest.mandate.service-namespace of gateway-defaults.properties. */
    static final String NAMESPACE = "urn:dev:osr:logistiek-proces-doorstroomtoets-po";
    static final Path CERTS = Path.of("certs-dev");
    static final char[] PASSWORD = "changeit".toCharArray();

    private DevOsr() {
    }

    /** osr-sim on a free port of localhost with {@code endpoints} (and no mandates), started. */
    static OsrSimulator simulator(List<OsrEndpoint> endpoints) {
        return new OsrSimulator("localhost", 0, tls("osr.p12", null), List.of(), endpoints,
                Clock.systemUTC()).start();
    }

    /** The gateway's side: its own key as client certificate, the development roots for the OSR's certificate. */
    static OsrConnection connection(URI baseUrl) {
        return new OsrConnection(baseUrl, tls("gateway.p12", "gateway"), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    static SSLContext tls(String keystore, String alias) {
        return MutualTlsContext.context(CERTS.resolve(keystore), PASSWORD, alias, CERTS.resolve("truststore.p12"),
                PASSWORD);
    }

    /** An open-ended endpoint of the doorstroomtoets service from 2025-08-01. */
    static OsrEndpoint endpoint(String routingId, String brin, String url) {
        return new OsrEndpoint(routingId, Oin.ofSchool(brin), NAMESPACE, URI.create(url), LocalDate.of(2025, 8, 1),
                null);
    }
}
