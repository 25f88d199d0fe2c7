package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Refusals.assertWsSecurityFault;
import static nl.eindtoets.gateway.it.Refusals.withoutHandlerCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A validly signed request changed on the way: content edited after signing, or the signed Body hidden elsewhere
 * while a new Body is put in its place (signature wrapping). The signature must protect exactly the elements the
 * gateway goes on to read.
 */
class TamperingTest {

    private static final String ATTACKER_NS = "urn:example:attacker";
    private static final String AUTORISATIE_NS = "http://www.edustandaard.nl/leerresultaten/2/autorisatie";

    private final RunningGateway gateway = RunningGateway.shared();
    private final Requests requests = new Requests(gateway.client("las-a"));
    private SignedRequest signed;
    private Document wire;
    private Element signedBody;

    @BeforeEach
    void signValidRequest() throws Exception {
        signed = requests.signed(SigningOptions.defaults());
        wire = (Document) signed.document().cloneNode(true);
        signedBody = body();
    }

    @Test
    void refusesBodyModifiedAfterSigning() throws Exception {
        Element surname = (Element) wire.getElementsByTagNameNS(Namespaces.UWLR_LEERLINGGEGEVENS, "achternaam").item(0);
        surname.setTextContent(surname.getTextContent() + "x");

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesTimestampCreatedModifiedAfterSigning() throws Exception {
        Element created = (Element) timestamp().getElementsByTagNameNS(Namespaces.WSU, "Created").item(0);
        // Still fresh, so only the signature can object.
        created.setTextContent(Instant.parse(created.getTextContent().strip()).minusSeconds(1).toString());

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesSignedBodyMovedIntoSecurityHeaderWithNewBodyInItsPlace() throws Exception {
        security().appendChild(signedBody);
        insertForgedBody(false);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesSignedBodyMovedIntoCustomHeaderWithNewBodyInItsPlace() throws Exception {
        hideInHeader(signedBody, ATTACKER_NS, "x:Wrapper");
        insertForgedBody(false);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesSignedBodyMovedIntoToleratedAutorisatieHeaderWithNewBodyInItsPlace() throws Exception {
        // The UWLR autorisatie header passes the header policy, so only the WS-Security layer can stop this one.
        hideInHeader(signedBody, AUTORISATIE_NS, "aut:autorisatie");
        insertForgedBody(false);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusalOfAMisplacedBodyRelatesToTheRequestAndCarriesTheFaultAction() throws Exception {
        hideInHeader(signedBody, AUTORISATIE_NS, "aut:autorisatie");
        insertForgedBody(false);

        var exchange = withoutHandlerCall(gateway, () -> gateway.client("las-a")
                .exchange(Requests.OPERATION, signed, SecureXml.toBytes(wire)));

        assertWsSecurityFault(gateway.client("las-a").verify(exchange), "FailedCheck");
        Document answer = SecureXml.parse(exchange.http().body());
        assertThat(wsaHeader(answer, "RelatesTo")).isEqualTo(signed.messageId());
        assertThat(wsaHeader(answer, "Action")).isEqualTo(Namespaces.WSA + "/soap/fault");
        assertThat(wsaHeader(answer, "MessageID")).isNotBlank().isNotEqualTo(signed.messageId());
    }

    @Test
    void refusesNewBodyCarryingTheIdOfTheSignedBodyHiddenInAHeader() throws Exception {
        hideInHeader(signedBody, AUTORISATIE_NS, "aut:autorisatie");
        insertForgedBody(true);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesNewBodyCarryingTheIdOfTheSignedBodyHiddenInTheSecurityHeader() throws Exception {
        security().appendChild(signedBody);
        insertForgedBody(true);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesNewBodyWithTheSignedBodyHiddenBehindIt() throws Exception {
        Element trailer = wire.createElementNS(ATTACKER_NS, "x:Trailer");
        trailer.appendChild(signedBody);
        insertForgedBody(false);
        // SOAP 1.1 allows elements after the Body.
        wire.getDocumentElement().appendChild(trailer);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesExpiredSignedTimestampHiddenBehindFreshUnsignedOne() throws Exception {
        signed = requests.signed(SigningOptions.defaults().withCreated(Instant.now().minusSeconds(600)));
        wire = (Document) signed.document().cloneNode(true);
        signedBody = body();
        Element signedTimestamp = timestamp();
        Element fresh = wire.createElementNS(Namespaces.WSU, "wsu:Timestamp");
        fresh.setAttributeNS(Namespaces.WSU, "wsu:Id", "TS-fresh");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        appendText(fresh, "wsu:Created", now.toString());
        appendText(fresh, "wsu:Expires", now.plusSeconds(300).toString());
        security().replaceChild(fresh, signedTimestamp);
        hideInHeader(signedTimestamp, AUTORISATIE_NS, "aut:autorisatie");

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesUnsignedSecondActionAddedAfterSigning() throws Exception {
        Element signedAction = child(header(), Namespaces.WSA, "Action");
        Element extra = wire.createElementNS(Namespaces.WSA, "wsa:Action");
        extra.setTextContent("urn:eindtoets-gateway:1:HaalLeerresultaten");
        header().insertBefore(extra, signedAction);

        assertRefusedWith("FailedCheck");
    }

    @Test
    void refusesSignedMessageIdHiddenBehindNewOne() throws Exception {
        Element signedMessageId = child(header(), Namespaces.WSA, "MessageID");
        Element fresh = wire.createElementNS(Namespaces.WSA, "wsa:MessageID");
        fresh.setTextContent("urn:uuid:" + UUID.randomUUID());
        header().replaceChild(fresh, signedMessageId);
        hideInHeader(signedMessageId, AUTORISATIE_NS, "aut:autorisatie");

        assertRefusedWith("FailedCheck");
    }

    private static String wsaHeader(Document answer, String localName) {
        var list = answer.getElementsByTagNameNS(Namespaces.WSA, localName);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
    }

    private void appendText(Element parent, String qualifiedName, String text) {
        Element e = wire.createElementNS(parent.getNamespaceURI(), qualifiedName);
        e.setTextContent(text);
        parent.appendChild(e);
    }

    private void hideInHeader(Element element, String ns, String qualifiedName) {
        Element wrapper = wire.createElementNS(ns, qualifiedName);
        wrapper.appendChild(element);
        header().appendChild(wrapper);
    }

    /**
     * Puts a Body about school 99AB (two other pupils) in the Envelope, with or without the Id of the signed Body,
     * which the caller has moved elsewhere.
     */
    private void insertForgedBody(boolean reuseSignedId) {
        Element forged = wire.createElementNS(Namespaces.SOAP11, signedBody.getTagName());
        forged.appendChild(wire.importNode(Samples.body("deelnemers-99AB"), true));
        if (reuseSignedId) {
            forged.setAttributeNS(Namespaces.XMLNS, "xmlns:wsu", Namespaces.WSU);
            forged.setAttributeNS(Namespaces.WSU, "wsu:Id", signedBody.getAttributeNS(Namespaces.WSU, "Id"));
        }
        wire.getDocumentElement().appendChild(forged);
        assertThat(child(wire.getDocumentElement(), Namespaces.SOAP11, "Body")).isSameAs(forged);
    }

    private void assertRefusedWith(String wsseCode) throws Exception {
        byte[] bytes = SecureXml.toBytes(wire);

        GatewayResponse response = withoutHandlerCall(gateway, () -> requests.send(signed, bytes));

        assertWsSecurityFault(response, wsseCode);
    }

    /** The Body that is the Envelope's child (at first: the signed one). */
    private Element body() {
        return child(wire.getDocumentElement(), Namespaces.SOAP11, "Body");
    }

    private Element header() {
        return child(wire.getDocumentElement(), Namespaces.SOAP11, "Header");
    }

    private Element security() {
        return child(header(), Namespaces.WSSE, "Security");
    }

    private Element timestamp() {
        return child(security(), Namespaces.WSU, "Timestamp");
    }

    private static Element child(Element parent, String ns, String localName) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + localName + " in " + parent.getLocalName());
    }
}
