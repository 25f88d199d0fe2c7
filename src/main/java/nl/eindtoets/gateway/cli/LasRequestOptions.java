package nl.eindtoets.gateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import picocli.CommandLine.Option;

/** What a LAS request is made of, shared by {@code send} and {@code sign}: the LAS key, school, operation and body. */
final class LasRequestOptions {

    @Option(names = "--keystore", required = true, description = "PKCS#12 with the LAS key (signing, and TLS for send).")
    Path keystore;

    @Option(names = "--password", defaultValue = "changeit", description = "Keystore password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--alias", description = "Key alias (default: the only key entry).")
    String alias;

    @Option(names = "--school", required = true,
            description = "School on whose behalf is sent (wsa:From): BRIN (99AA) or school OIN.")
    String school;

    @Option(names = "--operation", required = true, description = "BrengDeelnemers or HaalLeerresultaten.")
    String operation;

    @Option(names = "--file", required = true, description = "Body payload (deelnemers_aanlevering, "
            + "leerresultaten_verzoek, or for BrengDeelnemers a bare UWLR leerlinggegevens), or a full SOAP envelope "
            + "(headers it already has are kept, missing ones filled in).")
    Path file;

    Operation operation() {
        return Operation.byName(operation);
    }

    Oin schoolOin() {
        return school.length() == 20 ? new Oin(school) : Oin.ofSchool(school);
    }

    KeystoreCredentials credentials() {
        return new KeystoreCredentials(keystore, password, alias);
    }

    /** The envelope builder for the file's content. */
    EnvelopeBuilder envelopeBuilder(Operation op) throws IOException, SAXException {
        return builderFor(op, Files.readAllBytes(file));
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
