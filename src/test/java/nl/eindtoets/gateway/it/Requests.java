package nl.eindtoets.gateway.it;

import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The BrengDeelnemers request of las-a for school 99AA, taken apart into build, sign and send so a test can change
 * one step: how it is signed, or the bytes that go on the wire.
 */
final class Requests {

    static final Operation OPERATION = Operation.BRENG_DEELNEMERS;

    private final EindtoetsClient client;

    Requests(EindtoetsClient client) {
        this.client = client;
    }

    /** The correct, unsigned envelope (a fresh MessageID each time). */
    Document envelope() {
        return client.envelope(OPERATION, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA")).build();
    }

    SignedRequest signed(SigningOptions options) throws Exception {
        return client.signer().sign(envelope(), options);
    }

    SignedRequest signed(Document envelope, SigningOptions options) throws Exception {
        return client.signer().sign(envelope, options);
    }

    /** Sends the signed request as it stands and returns the verified answer or the fault. */
    GatewayResponse send(SignedRequest request) throws Exception {
        return client.verify(client.exchange(OPERATION, request));
    }

    /** Sends {@code wireBytes} in place of {@code request} (e.g. altered after signing). */
    GatewayResponse send(SignedRequest request, byte[] wireBytes) throws Exception {
        return client.verify(client.exchange(OPERATION, request, wireBytes));
    }

    /** Signs the request, then sends it with the first pupil's surname changed: what the signature must catch. */
    GatewayResponse sendWithSurnameChangedAfterSigning() throws Exception {
        SignedRequest signed = signed(SigningOptions.defaults());
        Document wire = (Document) signed.document().cloneNode(true);
        Element surname = (Element) wire.getElementsByTagNameNS(Namespaces.UWLR_LEERLINGGEGEVENS, "achternaam")
                .item(0);
        surname.setTextContent(surname.getTextContent() + "x");
        return send(signed, SecureXml.toBytes(wire));
    }
}
