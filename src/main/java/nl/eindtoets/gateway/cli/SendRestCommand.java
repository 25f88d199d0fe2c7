package nl.eindtoets.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.client.GatewayHttpClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.request.Oin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The LAS side of the REST front door: one request over mutual TLS with the LAS's certificate (nothing is signed),
 * its status, correlation id and Ontvangstmelding printed, a report PDF written to a file. Exit codes: 0 a 2xx
 * answer, 1 any other answer, 3 the request could not be made.
 */
@Command(name = "send-rest", mixinStandardHelpOptions = true,
        description = "Send one request to the REST front door (Doorstroomtoetsketen) over mutual TLS, as a LAS would.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:2xx answer", "1:any other answer (4xx, 5xx)", "3:the request could not be made"})
public final class SendRestCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int NOT_SENT = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--keystore", required = true, description = "PKCS#12 with the LAS's TLS key and certificate.")
    Path keystore;

    @Option(names = "--password", defaultValue = "changeit", description = "Keystore password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--school", required = true, description = "BRIN of the school; edu-to is its school OIN.")
    String school;

    @Option(names = "--edu-from", description = "The routeringskenmerk of the school administration (default: the"
            + " development one of the school, RK00000000000000 + BRIN, to which the development endpoints route"
            + " pushed results).")
    String eduFrom;

    @Option(names = "--operation", required = true,
            description = "registreren, registreren-schooladviezen or leerlingrapport.")
    String operation;

    @Option(names = "--file", description = "JSON body of registreren and registreren-schooladviezen.")
    Path file;

    @Option(names = "--rapportid", description = "The report id for leerlingrapport.")
    String rapportid;

    @Option(names = "--out", description = "Where leerlingrapport writes the PDF (default: leerlingrapport.pdf).",
            defaultValue = "leerlingrapport.pdf")
    Path out;

    @Mixin
    GatewayConnectionOptions connection;

    @Option(names = "--base-path", defaultValue = "/doorstroomtoets",
            description = "The front door's rest.base-path (default: ${DEFAULT-VALUE}).")
    String basePath;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpResult answer;
        boolean rapport = operation.equals("leerlingrapport");
        try {
            String query = "?edu-to=" + Oin.ofSchool(school).value() + "&edu-from="
                    + (eduFrom != null ? eduFrom : developmentRoutingId(school));
            GatewayHttpClient http = GatewayHttpClient.create(KeystoreCredentials.of(keystore, password),
                    connection.trust(), connection.timeout());
            if (rapport) {
                require(rapportid != null, "--rapportid is required for leerlingrapport");
                answer = http.get(connection.url.resolve(basePath + "/leerlingrapport/" + rapportid + query));
            } else {
                require(operation.equals("registreren") || operation.equals("registreren-schooladviezen"),
                        "unknown --operation " + operation);
                require(file != null, "--file is required for " + operation);
                answer = http.post(connection.url.resolve(basePath + "/" + operation + query), Files.readAllBytes(file),
                        Map.of("Content-Type", "application/json"));
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            err.println("Request not sent: " + e.getMessage());
            return NOT_SENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Request not sent: interrupted");
            return NOT_SENT;
        }
        stdout.println("HTTP " + answer.status());
        header(stdout, answer, "X-Correlatie-Id");
        header(stdout, answer, "Retry-After");
        if (rapport && answer.status() == 200) {
            try {
                Files.write(out, answer.body());
            } catch (IOException e) {
                err.println("PDF not written: " + e.getMessage());
                return NOT_SENT;
            }
            stdout.println("PDF (" + answer.body().length + " bytes) written to " + out);
        } else if (answer.body().length > 0) {
            stdout.println(new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer.status() / 100 == 2 ? OK : REFUSED;
    }

    private static void header(PrintWriter stdout, HttpResult answer, String name) {
        answer.headers().forEach((k, v) -> {
            if (k.equalsIgnoreCase(name) && !v.isEmpty()) {
                stdout.println(name + ": " + v.get(0));
            }
        });
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The routeringskenmerk the development fixtures give school {@code brin}: 20 characters ending in its BRIN. */
    static String developmentRoutingId(String brin) {
        return "RK" + "0".repeat(14) + brin;
    }
}
