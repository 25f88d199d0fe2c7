package nl.eindtoets.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.ResponseVerificationException;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.TruststoreFile;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.identity.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sends one signed 2W-be-S request the way a LAS would, and prints the verified answer or the fault. Exit codes:
 * 0 verified response, 1 SOAP fault, 2 the answer failed verification, 3 the request could not be made.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Build, sign and send a BrengDeelnemers or HaalLeerresultaten request over mutual TLS and "
                + "verify the signed answer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified response", "1:SOAP fault from the gateway",
            "2:the answer failed verification", "3:the request could not be built or sent"})
public final class SendCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAULT = 1;
    static final int UNVERIFIED = 2;
    static final int NOT_SENT = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--keystore", required = true, description = "PKCS#12 with the LAS key for TLS and signing.")
    Path keystore;

    @Option(names = "--password", defaultValue = "changeit", description = "Keystore password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--alias", description = "Key alias (default: the only key entry).")
    String alias;

    @Option(names = "--school", required = true, description = "School: BRIN (99AA) or school OIN.")
    String school;

    @Option(names = "--operation", required = true, description = "BrengDeelnemers or HaalLeerresultaten.")
    String operation;

    @Option(names = "--file", required = true, description = "Body payload (deelnemers_aanlevering, "
            + "leerresultaten_verzoek, or for BrengDeelnemers a bare UWLR leerlinggegevens), or a full SOAP envelope.")
    Path file;

    @Option(names = "--url", defaultValue = "https://localhost:8443", description = "Gateway base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--truststore", defaultValue = "certs-dev/truststore.p12", description = "Trusted CAs (default: ${DEFAULT-VALUE}).")
    Path truststore;

    @Option(names = "--truststore-password", defaultValue = "changeit", description = "Trust store password.")
    String truststorePassword;

    @Option(names = "--timeout", defaultValue = "30", description = "Timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayResponse response;
        try {
            Operation op = Operation.byName(operation);
            Oin schoolOin = school.length() == 20 ? new Oin(school) : Oin.ofSchool(school);
            EindtoetsClient client = EindtoetsClient.create(url,
                    new KeystoreCredentials(keystore, password, alias),
                    new TruststoreFile(truststore, truststorePassword), Duration.ofSeconds(timeoutSeconds));
            Document envelope = client.addressed(builderFor(op, Files.readAllBytes(file)), op, schoolOin).build();
            response = client.send(op, envelope);
        } catch (ResponseVerificationException e) {
            err.println("Response verification failed: " + e.getMessage());
            return UNVERIFIED;
        } catch (IOException | GeneralSecurityException | SAXException | WSSecurityException
                 | IllegalArgumentException | IllegalStateException e) {
            err.println("Request not sent: " + e.getMessage());
            return NOT_SENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return NOT_SENT;
        }
        if (response instanceof SoapFaultInfo fault) {
            err.println("SOAP fault" + (fault.signed() ? " (signed, verified)" : " (unsigned)"));
            err.println("  faultcode:         " + fault.faultCodeDisplay());
            err.println("  faultstring:       " + fault.faultString());
            err.println("  digikoppelingcode: " + fault.digikoppelingCode());
            err.println("  correlatieid:      " + fault.correlationId());
            return FAULT;
        }
        VerifiedResponse verified = (VerifiedResponse) response;
        verified.checks().forEach(check -> err.println("ok: " + check));
        err.println("Action: " + verified.action());
        out.println(SecureXml.pretty(verified.payload()));
        out.flush();
        return OK;
    }

    /** Wraps a bare UWLR leerlinggegevens in deelnemers_aanlevering; anything else is used as it is. */
    static EnvelopeBuilder builderFor(Operation op, byte[] xml) throws SAXException {
        Document doc = SecureXml.parse(xml);
        Element root = doc.getDocumentElement();
        boolean leerlinggegevens = Namespaces.UWLR_LEERLINGGEGEVENS.equals(root.getNamespaceURI())
                && "leerlinggegevens".equals(root.getLocalName());
        if (!leerlinggegevens) {
            return EnvelopeBuilder.forXml(xml);
        }
        if (op != Operation.BRENG_DEELNEMERS) {
            throw new IllegalArgumentException("a bare leerlinggegevens can only be sent with BrengDeelnemers");
        }
        Document wrapped = SecureXml.newDocument();
        Element aanlevering = wrapped.createElementNS(Namespaces.GATEWAY, "gw:" + op.inputElement());
        aanlevering.setAttributeNS(Namespaces.XMLNS, "xmlns:gw", Namespaces.GATEWAY);
        wrapped.appendChild(aanlevering);
        aanlevering.appendChild(wrapped.importNode(root, true));
        return EnvelopeBuilder.forPayload(aanlevering);
    }
}
