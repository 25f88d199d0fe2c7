package nl.eindtoets.gateway.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.request.Oin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Signs a request as 2W-be-S and writes it without sending it, so a tester can post it with curl or any other HTTP
 * tool. The output is the exact signed byte sequence: reformatting it in any way breaks the signature.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Fill in the WS-Addressing headers of a request body or envelope, sign it as 2W-be-S and write "
                + "the signed envelope (for curl --data-binary). The Timestamp expires after 5 minutes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:signed envelope written", "3:the request could not be built or signed"})
public final class SignCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int NOT_SIGNED = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    LasRequestOptions request;

    @Option(names = "--url", defaultValue = "https://localhost:8443",
            description = "Gateway base URL, used for wsa:To (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--gateway-oin", defaultValue = "00000099000000002000",
            description = "Receiver OIN put on wsa:To as ?oin= (default: ${DEFAULT-VALUE}, the development gateway).")
    String gatewayOin;

    @Option(names = "--message-id", description = "wsa:MessageID (default: a new urn:uuid).")
    String messageId;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Operation op;
        SignedRequest signed;
        try {
            op = request.operation();
            Document envelope = envelope(op, request.schoolOin());
            RequestSigner signer = RequestSigner.fromKeystore(request.credentials());
            signed = signer.sign(envelope, SigningOptions.defaults());
            write(signed.toBytes());
        } catch (IOException | GeneralSecurityException | SAXException | WSSecurityException
                 | IllegalArgumentException | IllegalStateException e) {
            err.println("Not signed: " + e.getMessage());
            return NOT_SIGNED;
        }
        URI endpoint = URI.create(url.toString().replaceAll("/+$", "") + op.path());
        err.println("Signed " + op.operationName() + " for school " + request.school + "; MessageID " + signed.messageId());
        err.println("Timestamp valid until about " + Instant.now().plus(SigningOptions.DEFAULT_LIFETIME)
                + "; send it before then, and only once (a second send is a replay).");
        err.println("Send with:");
        err.println("  curl --cert <keystore>.crt --key <keystore>.key --cacert certs-dev/ca/root.crt "
                + "-H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: \"" + op.action() + "\"' "
                + "--data-binary @" + (out == null ? "<file>" : out.toString()) + " " + endpoint);
        err.flush();
        return OK;
    }

    private Document envelope(Operation op, Oin schoolOin) throws IOException, SAXException {
        EnvelopeBuilder builder = request.envelopeBuilder(op)
                .to(URI.create(url.toString().replaceAll("/+$", "") + op.path()), new Oin(gatewayOin))
                .action(op.action())
                .from(schoolOin);
        if (messageId != null) {
            builder.messageId(messageId);
        }
        Document doc = builder.build();
        if (doc.getElementsByTagNameNS(Namespaces.WSSE, "Security").getLength() > 0) {
            throw new IllegalArgumentException("the envelope already has a wsse:Security header; give it unsigned");
        }
        return doc;
    }

    /** Writes the bytes untouched: no re-encoding through a Writer, no trailing newline. */
    private void write(byte[] bytes) throws IOException {
        if (out != null) {
            Files.write(out, bytes);
            return;
        }
        OutputStream stdout = System.out;
        stdout.write(bytes);
        stdout.flush();
    }
}
