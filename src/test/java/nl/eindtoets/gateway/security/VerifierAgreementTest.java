package nl.eindtoets.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import nl.eindtoets.gateway.client.SignedPart;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.GatewayRequest.State;
import nl.eindtoets.gateway.request.RequestFixtures;
import nl.eindtoets.gateway.request.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The WSS4J stage and the lean stage side by side: for each request variant, both accept it or both refuse it with
 * the same WS-Security code, and a refusal leaves the request parsed in either.
 */
class VerifierAgreementTest {

    private static SignatureVerification wss4j;
    private static LeanSignatureVerification lean;

    @BeforeAll
    static void bothVerifiersTrustTheDevelopmentPki() {
        SecuritySettings settings = DevelopmentTrust.SETTINGS;
        CertificateChainValidator validator = DevelopmentTrust.validator();
        wss4j = new SignatureVerification(settings, Cryptos.verification(settings), () -> validator);
        lean = new LeanSignatureVerification(settings, () -> validator);
    }

    /** One request as received: the envelope and the TLS client that sent it. */
    record Received(String envelope, String tlsParty) {
    }

    @FunctionalInterface
    interface Variant {
        Received make() throws Exception;
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                variant("valid", () -> received(signed(SigningOptions.defaults()))),
                variant("body changed", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    Element brincode = (Element) wire.body()
                            .getElementsByTagNameNS(RequestFixtures.GATEWAY, "brincode").item(0);
                    brincode.setTextContent("99AB");
                    return received(wire);
                }),
                variant("timestamp stale", () -> received(signed(SigningOptions.defaults()
                        .withCreated(Instant.now().minus(Duration.ofMinutes(10)))))),
                variant("RSA-SHA1", () -> received(signed(SigningOptions.defaults()
                        .withAlgorithms(SigningOptions.RSA_SHA1, SigningOptions.SHA256)))),
                variant("SHA-1 digests", () -> received(signed(SigningOptions.defaults()
                        .withAlgorithms(SigningOptions.RSA_SHA256, SigningOptions.SHA1)))),
                variant("wsa:To unsigned", () -> received(signed(SigningOptions.defaults().without(SignedPart.TO)))),
                variant("foreign signer las-foreign", () -> new Received(
                        Wire.signedBy("las-foreign", SigningOptions.defaults()).xml(), "las-foreign")),
                variant("signed body moved into a header", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    Element signedBody = wire.body();
                    wire.header().appendChild(signedBody);
                    Element forged = wire.element(Wire.SOAP, "soap:Body");
                    forged.appendChild(wire.element(RequestFixtures.GATEWAY, "gw:leerresultaten_verzoek"));
                    wire.envelopeElement().appendChild(forged);
                    return received(wire);
                }),
                variant("token removed", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    wire.security().removeChild(wire.token());
                    return received(wire);
                }),
                variant("token content not base64", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    wire.token().setTextContent("MIIE*not-base64*");
                    return received(wire);
                }),
                variant("key reference without ValueType", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    wire.keyReference().removeAttribute("ValueType");
                    wire.resign("las-a");
                    return received(wire);
                }),
                variant("Created with nine fractional digits", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    String created = wire.created().getTextContent().strip();
                    wire.created().setTextContent(created.substring(0, 19) + ".123456789Z");
                    wire.redigestAndResign();
                    return received(wire);
                }),
                variant("Created with whitespace around the time", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    wire.created().setTextContent(" " + wire.created().getTextContent().strip() + " ");
                    wire.redigestAndResign();
                    return received(wire);
                }),
                variant("Created split by a comment", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    String created = wire.created().getTextContent().strip();
                    wire.created().setTextContent(created);
                    wire.created().insertBefore(wire.document().createComment("x"), wire.created().getFirstChild());
                    wire.redigestAndResign();
                    return received(wire);
                }),
                variant("Body attribute value 'a xmlns:b'", () -> {
                    Wire wire = signed(SigningOptions.defaults());
                    wire.body().setAttributeNS(null, "x", "a xmlns:b");
                    wire.redigestAndResign();
                    return received(wire);
                }),
                variant("no Security header", () -> new Received(RequestFixtures.envelope(
                        RequestFixtures.addressing(RequestFixtures.BRENG_DEELNEMERS, "99AA"),
                        RequestFixtures.leerresultatenVerzoek("99AA")), "las-a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void bothVerifiersReachTheSameOutcome(String name, Variant variant) throws Exception {
        Received received = variant.make();

        String byWss4j = outcome(wss4j, received);
        String byLean = outcome(lean, received);

        assertThat(byLean).as("lean verifier on '%s' (WSS4J: %s)", name, byWss4j).isEqualTo(byWss4j);
        if (name.equals("valid")) {
            assertThat(byLean).isEqualTo("accepted");
        }
    }

    /** "accepted", or the WS-Security code of the refusal. */
    private static String outcome(Stage stage, Received received) {
        GatewayRequest request = Wire.received(received.envelope(), received.tlsParty());
        try {
            stage.apply(request);
            assertThat(request.state()).isEqualTo(State.SIGNATURE_VERIFIED);
            return "accepted";
        } catch (GatewayFault fault) {
            assertThat(request.state()).isEqualTo(State.PARSED);
            return fault.refusal().codeName();
        }
    }

    private static Arguments variant(String name, Variant variant) {
        return Arguments.of(name, variant);
    }

    private static Wire signed(SigningOptions options) throws Exception {
        return Wire.signedBy("las-a", options);
    }

    private static Received received(Wire wire) {
        return new Received(wire.xml(), "las-a");
    }
}
