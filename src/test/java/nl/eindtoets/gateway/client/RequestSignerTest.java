package nl.eindtoets.gateway.client;

import static nl.eindtoets.gateway.client.Namespaces.DS;
import static nl.eindtoets.gateway.client.Namespaces.WSSE;
import static nl.eindtoets.gateway.client.Namespaces.WSU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.request.CertificateOin;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class RequestSignerTest {

    private static final Oin SCHOOL = Oin.ofSchool("99AA");
    private static RequestSigner signer;

    @BeforeAll
    static void loadKey() throws Exception {
        signer = RequestSigner.fromKeystore(DevCerts.key("las-a"));
    }

    private static Document envelope() throws Exception {
        return EnvelopeBuilder.forPayload(Payloads.leerresultatenVerzoek())
                .to(URI.create("https://localhost:8443/eindtoets/leerresultaten"), EindtoetsClient.GATEWAY_OIN)
                .action(Operation.HAAL_LEERRESULTATEN.action())
                .from(SCHOOL)
                .replyToAnonymous()
                .build();
    }

    /** Sends the request through the wire form and verifies it the way any WSS4J receiver would. */
    private static WSHandlerResult verifyWithPlainWss4j(SignedRequest request) throws Exception {
        WSSConfig.init();
        Document received = SecureXml.parse(request.toBytes());
        Merlin trust = new Merlin();
        trust.setTrustStore(DevCerts.truststore());
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(trust);
        return new WSSecurityEngine().processSecurityHeader(received, data);
    }

    @Test
    void signedRequestVerifiesWithPlainWss4jAgainstTheTruststore() throws Exception {
        SignedRequest request = signer.sign(envelope());

        WSHandlerResult result = verifyWithPlainWss4j(request);

        WSSecurityEngineResult signature = result.getActionResults().get(WSConstants.SIGN).get(0);
        var certificate = (java.security.cert.X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        assertThat(CertificateOin.of(certificate)).contains(new Oin("00000099000000001000"));
        assertThat(result.getActionResults().get(WSConstants.TS)).hasSize(1);
        assertThat(Base64.getEncoder().encodeToString((byte[]) signature.get(WSSecurityEngineResult.TAG_SIGNATURE_VALUE)))
                .isEqualTo(request.signatureValue());
    }

    @Test
    void hasOneReferencePerPartWithSha256ExclusiveC14nAndRsaSha256() throws Exception {
        SignedRequest request = signer.sign(envelope());
        Document doc = request.document();

        Element signedInfo = first(doc, DS, "SignedInfo");
        assertThat(first(signedInfo, DS, "CanonicalizationMethod").getAttribute("Algorithm"))
                .isEqualTo(SigningOptions.EXC_C14N);
        assertThat(first(signedInfo, DS, "SignatureMethod").getAttribute("Algorithm"))
                .isEqualTo(SigningOptions.RSA_SHA256);
        List<Element> references = all(signedInfo, DS, "Reference");
        for (Element reference : references) {
            assertThat(first(reference, DS, "DigestMethod").getAttribute("Algorithm")).isEqualTo(SigningOptions.SHA256);
            assertThat(all(reference, DS, "Transform")).extracting(t -> t.getAttribute("Algorithm"))
                    .containsExactly(SigningOptions.EXC_C14N);
        }
        assertThat(referencedElementNames(doc)).containsExactlyInAnyOrder(
                "Body", "Timestamp", "To", "Action", "MessageID", "From", "ReplyTo");
    }

    @Test
    void referencesTheBinarySecurityTokenDirectly() throws Exception {
        Document doc = signer.sign(envelope()).document();

        Element bst = first(doc, WSSE, "BinarySecurityToken");
        Element reference = first(first(doc, DS, "KeyInfo"), WSSE, "Reference");
        assertThat(bst.getAttribute("ValueType")).endsWith("#X509v3");
        assertThat(reference.getAttribute("URI")).isEqualTo("#" + bst.getAttributeNS(WSU, "Id"));
    }

    @Test
    void leavesOutPartsThatAreNotToBeSigned() throws Exception {
        SigningOptions options = SigningOptions.defaults().without(SignedPart.TO, SignedPart.TIMESTAMP);

        SignedRequest request = signer.sign(envelope(), options);

        assertThat(referencedElementNames(request.document()))
                .containsExactlyInAnyOrder("Body", "Action", "MessageID", "From", "ReplyTo");
        assertThat(all(request.document().getDocumentElement(), WSU, "Timestamp")).hasSize(1);
        verifyWithPlainWss4j(request);
    }

    @Test
    void signsOnlyTheHeadersThatArePresent() throws Exception {
        Document withoutFrom = EnvelopeBuilder.forEnvelope(envelope()).omit(WsaHeader.FROM, WsaHeader.REPLY_TO).build();

        SignedRequest request = signer.sign(withoutFrom);

        assertThat(referencedElementNames(request.document()))
                .containsExactlyInAnyOrder("Body", "Timestamp", "To", "Action", "MessageID");
    }

    @Test
    void canSendWithoutTimestamp() throws Exception {
        SignedRequest request = signer.sign(envelope(), SigningOptions.defaults().withoutTimestamp());

        assertThat(all(request.document().getDocumentElement(), WSU, "Timestamp")).isEmpty();
        assertThat(referencedElementNames(request.document())).doesNotContain("Timestamp");
    }

    @Test
    void timestampHasConfiguredCreatedAndLifetime() throws Exception {
        Instant created = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        SigningOptions options = SigningOptions.defaults().withCreated(created).withLifetime(Duration.ofSeconds(900));

        Document doc = signer.sign(envelope(), options).document();

        assertThat(Instant.parse(first(doc, WSU, "Created").getTextContent())).isEqualTo(created);
        assertThat(Instant.parse(first(doc, WSU, "Expires").getTextContent())).isEqualTo(created.plusSeconds(900));
    }

    @Test
    void defaultTimestampIsNowAndExpiresAfterFiveMinutes() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Document doc = signer.sign(envelope()).document();

        Instant created = Instant.parse(first(doc, WSU, "Created").getTextContent());
        assertThat(created).isBetween(before, Instant.now());
        assertThat(Instant.parse(first(doc, WSU, "Expires").getTextContent())).isEqualTo(created.plusSeconds(300));
    }

    @Test
    void canOmitExpires() throws Exception {
        Document doc = signer.sign(envelope(), SigningOptions.defaults().withoutExpires()).document();

        assertThat(all(doc.getDocumentElement(), WSU, "Created")).hasSize(1);
        assertThat(all(doc.getDocumentElement(), WSU, "Expires")).isEmpty();
    }

    @Test
    void writesTimestampFirstByDefault() throws Exception {
        Document doc = signer.sign(envelope()).document();

        assertThat(securityChildren(doc)).containsExactly("Timestamp", "BinarySecurityToken", "Signature");
    }

    @Test
    void canPutTheSignatureBeforeItsToken() throws Exception {
        SignedRequest request = signer.sign(envelope(),
                SigningOptions.defaults().withLayout(SecurityHeaderLayout.SIGNATURE_FIRST));

        assertThat(securityChildren(request.document())).containsExactly("Signature", "BinarySecurityToken", "Timestamp");
        verifyWithPlainWss4j(request);
    }

    @Test
    void usesTheRequestedWeakAlgorithmsForNegativeTests() throws Exception {
        SignedRequest request = signer.sign(envelope(),
                SigningOptions.defaults().withAlgorithms(SigningOptions.RSA_SHA1, SigningOptions.SHA1));

        Document doc = request.document();
        assertThat(first(doc, DS, "SignatureMethod").getAttribute("Algorithm")).isEqualTo(SigningOptions.RSA_SHA1);
        assertThat(all(doc.getDocumentElement(), DS, "DigestMethod")).extracting(e -> e.getAttribute("Algorithm"))
                .containsOnly(SigningOptions.SHA1);
    }

    @Test
    void returnsTheMessageIdThatWasSigned() throws Exception {
        Document doc = EnvelopeBuilder.forEnvelope(envelope()).messageId("urn:uuid:11111111-2222-3333-4444-555555555555").build();

        assertThat(signer.sign(doc).messageId()).isEqualTo("urn:uuid:11111111-2222-3333-4444-555555555555");
    }

    @Test
    void bodyChangedAfterSigningFailsVerification() throws Exception {
        SignedRequest request = signer.sign(envelope());
        Element brin = all(request.document().getDocumentElement(), Namespaces.GATEWAY, "brincode").get(0);
        brin.setTextContent("99AB");

        assertThatThrownBy(() -> verifyWithPlainWss4j(request)).isInstanceOf(WSSecurityException.class);
    }

    @Test
    void doesNotChangeTheEnvelopeItIsGiven() throws Exception {
        Document unsigned = envelope();

        signer.sign(unsigned);

        assertThat(all(unsigned.getDocumentElement(), WSSE, "Security")).isEmpty();
    }

    // --- helpers ---

    /** Local names of the elements the SignedInfo references point at, resolved by wsu:Id. */
    private static List<String> referencedElementNames(Document doc) {
        Map<String, Element> byId = new java.util.HashMap<>();
        collectIds(doc.getDocumentElement(), byId);
        List<String> names = new ArrayList<>();
        for (Element reference : all(first(doc, DS, "SignedInfo"), DS, "Reference")) {
            String uri = reference.getAttribute("URI");
            assertThat(uri).startsWith("#");
            Element target = byId.get(uri.substring(1));
            assertThat(target).as("element with id %s", uri).isNotNull();
            names.add(target.getLocalName());
        }
        return names;
    }

    private static void collectIds(Element element, Map<String, Element> byId) {
        String id = element.getAttributeNS(WSU, "Id");
        if (!id.isEmpty()) {
            byId.put(id, element);
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                collectIds(e, byId);
            }
        }
    }

    private static List<String> securityChildren(Document doc) {
        Element security = first(doc, WSSE, "Security");
        List<String> names = new ArrayList<>();
        for (Node n = security.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    static Element first(Document doc, String ns, String name) {
        return first(doc.getDocumentElement(), ns, name);
    }

    static Element first(Element root, String ns, String name) {
        List<Element> found = all(root, ns, name);
        assertThat(found).as("{%s}%s", ns, name).isNotEmpty();
        return found.get(0);
    }

    static List<Element> all(Element root, String ns, String name) {
        NodeList list = root.getElementsByTagNameNS(ns, name);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }
}
