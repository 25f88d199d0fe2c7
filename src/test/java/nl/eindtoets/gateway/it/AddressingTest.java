package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.ACTION_MISMATCH;
import static nl.eindtoets.gateway.it.Faults.ACTION_NOT_SUPPORTED;
import static nl.eindtoets.gateway.it.Faults.HEADER_REQUIRED;
import static nl.eindtoets.gateway.it.Faults.INVALID_HEADER;
import static nl.eindtoets.gateway.it.Faults.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.Exchange;
import nl.eindtoets.gateway.client.GatewayHttpClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningKey;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.client.WsaHeader;
import nl.eindtoets.gateway.request.Oin;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WS-Addressing rules of the 2W-be-S profile, through the real gateway: every request below is correctly signed by
 * las-a (so the refusal comes from the addressing stage, after WS-Security, and is signed), and none reaches a
 * handler.
 */
class AddressingTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;
    private static final Oin SCHOOL = Oin.ofSchool("99AA");

    private final RunningGateway gateway = RunningGateway.shared();
    private final EindtoetsClient las = gateway.client("las-a");
    private final int handlerCountBefore = gateway.handlers().invocations();

    @Test
    void refusesRequestWithoutTo() throws Exception {
        assertRefused(send(b -> b.omit(WsaHeader.TO)), HEADER_REQUIRED, "0005");
    }

    @Test
    void refusesRequestWithoutAction() throws Exception {
        assertRefused(send(b -> b.omit(WsaHeader.ACTION)), HEADER_REQUIRED, "0006");
    }

    @Test
    void refusesRequestWithoutMessageIdAndRelatesTheFaultToUnspecified() throws Exception {
        Document envelope = las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).omit(WsaHeader.MESSAGE_ID)
                .build();
        SignedRequest signed = las.signer().sign(envelope);

        Exchange exchange = las.exchange(OP, signed);

        assertThat(Faults.relatesTo(exchange.http())).isEqualTo(Namespaces.WSA + "/unspecified");
        assertRefused(Faults.verifiedRelatingTo(exchange.http(), signed, Namespaces.WSA + "/unspecified"),
                HEADER_REQUIRED, "0007");
    }

    @Test
    void refusesRequestWithoutFrom() throws Exception {
        assertRefused(send(b -> b.omit(WsaHeader.FROM)), HEADER_REQUIRED, "0002");
    }

    @Test
    void refusesTheOtherOperationsActionOnThisEndpoint() throws Exception {
        assertRefused(send(b -> b.action(Operation.HAAL_LEERRESULTATEN.action())), ACTION_NOT_SUPPORTED, "0003");
    }

    @Test
    void refusesSoapActionHeaderThatDiffersFromWsaAction() throws Exception {
        SignedRequest signed = las.signer().sign(las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build());
        int before = gateway.handlers().invocations();

        HttpResult http = las.http().post(las.endpoint(OP), signed.toBytes(),
                Operation.HAAL_LEERRESULTATEN.action());

        assertFault(las.verify(new Exchange(OP, signed, http)), ACTION_MISMATCH, "0003", true);
        assertThat(gateway.handlers().invocations()).isEqualTo(before);
    }

    @Test
    void acceptsEmptySoapActionHeader() throws Exception {
        SignedRequest signed = las.signer().sign(las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build());

        HttpResult http = las.http().post(las.endpoint(OP), signed.toBytes(), Map.of(
                "Content-Type", GatewayHttpClient.SOAP11_CONTENT_TYPE, "SOAPAction", "\"\""));

        assertThat(las.verify(new Exchange(OP, signed, http))).isInstanceOf(VerifiedResponse.class);
    }

    @Test
    void refusesToCarryingAnotherOrganisationsOin() throws Exception {
        String foreignTo = las.endpoint(OP) + "?oin=00000099000000001000";

        assertRefused(send(b -> b.header(WsaHeader.TO, foreignTo)), INVALID_HEADER, "0011");
    }

    @Test
    void refusesNonAnonymousReplyTo() throws Exception {
        assertRefused(send(b -> b.header(WsaHeader.REPLY_TO, "https://las.example/antwoorden")),
                INVALID_HEADER, "0011");
    }

    @Test
    void refusesDuplicatedMessageIdEvenWhenBothAreSigned() throws Exception {
        Document envelope = las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build();
        Element header = (Element) envelope.getDocumentElement().getFirstChild();
        Element messageId = (Element) header.getElementsByTagNameNS(Namespaces.WSA, "MessageID").item(0);
        Element second = (Element) messageId.cloneNode(true);
        second.setAttributeNS(Namespaces.WSU, "wsu:Id", "MessageID-" + UUID.randomUUID());
        second.setTextContent("urn:uuid:" + UUID.randomUUID());
        header.appendChild(second);
        SignedRequest signed = signEveryPart(envelope, RunningGateway.key("las-a").load());

        Exchange exchange = las.exchange(OP, signed);

        // Which of the two the fault relates to is not specified; it must be one of them.
        String relatesTo = Faults.relatesTo(exchange.http());
        assertThat(relatesTo).isIn(messageId.getTextContent(), second.getTextContent());
        assertRefused(Faults.verifiedRelatingTo(exchange.http(), signed, relatesTo), INVALID_HEADER, "0011");
    }

    @Test
    void correctlyAddressedRequestIsAccepted() throws Exception {
        assertThat(send(b -> b)).isInstanceOf(VerifiedResponse.class);
    }

    private GatewayResponse send(UnaryOperator<EnvelopeBuilder> change) throws Exception {
        Document envelope = change.apply(las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA"))).build();
        return las.verify(las.exchange(OP, las.signer().sign(envelope)));
    }

    /** A signed fault with this code, and no handler ran since this test started. */
    /**
     * A request in the WS-Addressing 2004/08 namespace has none of the required WS-Addressing 1.0 headers. Its fault
     * cannot be signed (the answer would carry 2004/08 headers, and the profile signs the 1.0 Action, MessageID and
     * RelatesTo), so it goes out unsigned, with HTTP 500 and the addressing code: never an empty answer.
     */
    @Test
    void answersARequestInTheWsAddressing200408NamespaceWithAnUnsignedFault() throws Exception {
        Document envelope = las.envelope(OP, SCHOOL, Samples.body("deelnemers-99AA")).build();
        toAddressing200408(envelope.getDocumentElement());
        SignedRequest signed = las.signer().sign(envelope);

        Exchange exchange = las.exchange(OP, signed);

        assertThat(exchange.http().status()).as("HTTP status").isEqualTo(500);
        assertFault(Faults.unsignedAnswer(exchange.http()), HEADER_REQUIRED, "0005", false);
        assertThat(gateway.handlers().invocations()).isEqualTo(handlerCountBefore);
    }

    private static void toAddressing200408(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Element renamed = Namespaces.WSA.equals(e.getNamespaceURI())
                        ? (Element) e.getOwnerDocument().renameNode(e, "http://schemas.xmlsoap.org/ws/2004/08/addressing",
                        "wsa4:" + e.getLocalName())
                        : e;
                toAddressing200408(renamed);
                n = renamed;
            }
        }
    }

    private void assertRefused(GatewayResponse response, QName code, String digikoppeling) {
        assertFault(response, code, digikoppeling, true);
        assertThat(gateway.handlers().invocations()).as("handler invocations after a refusal")
                .isEqualTo(handlerCountBefore);
    }

    /**
     * Signs Body, Timestamp and every WS-Addressing header element, duplicates included, each by its own reference:
     * what {@code RequestSigner} does, but without assuming one element per header name.
     */
    private static SignedRequest signEveryPart(Document envelope, SigningKey key) throws Exception {
        char[] password = UUID.randomUUID().toString().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(key.alias(), key.privateKey(), password, key.chain());
        Merlin crypto = new Merlin();
        crypto.setKeyStore(store);

        Document doc = (Document) envelope.cloneNode(true);
        WSSecHeader security = new WSSecHeader(doc);
        security.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(security);
        timestamp.setTimeToLive(300);
        timestamp.build();

        List<Element> parts = new ArrayList<>();
        parts.add(timestamp.getElement());
        Element env = doc.getDocumentElement();
        for (Node n = env.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Header".equals(e.getLocalName())) {
                for (Node h = e.getFirstChild(); h != null; h = h.getNextSibling()) {
                    if (h instanceof Element he && Namespaces.WSA.equals(he.getNamespaceURI())) {
                        parts.add(he);
                    }
                }
            } else if (n instanceof Element e && "Body".equals(e.getLocalName())) {
                parts.add(e);
            }
        }
        WSSecSignature signature = new WSSecSignature(security);
        signature.setUserInfo(key.alias(), new String(password));
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(SigningOptions.RSA_SHA256);
        signature.setDigestAlgo(SigningOptions.SHA256);
        signature.setSigCanonicalization(SigningOptions.EXC_C14N);
        for (Element part : parts) {
            String id = part.getAttributeNS(Namespaces.WSU, "Id");
            WSEncryptionPart p = new WSEncryptionPart(id);
            p.setElement(part);
            signature.getParts().add(p);
        }
        signature.build(crypto);
        String value = Base64.getEncoder().encodeToString(signature.getSignatureValue());
        Element firstMessageId = (Element) doc.getElementsByTagNameNS(Namespaces.WSA, "MessageID").item(0);
        return new SignedRequest(doc, value, firstMessageId.getTextContent().strip(), key.certificate());
    }
}
