package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.request.RequestFixtures.leerresultatenVerzoek;
import static nl.eindtoets.gateway.request.RequestFixtures.parsed;
import static nl.eindtoets.gateway.request.RequestFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SignedPart;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.GatewayRequest.State;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The WS-Security stage on its own: requests signed by the project's client, verified against certs-dev's trust. */
class SignatureVerificationTest {

    private static SignatureVerification stage;

    @BeforeAll
    static void trustTheDevelopmentPki() {
        SecuritySettings settings = DevelopmentTrust.SETTINGS;
        CertificateChainValidator validator = DevelopmentTrust.validator();
        stage = new SignatureVerification(settings, Cryptos.verification(settings), () -> validator);
    }

    private static SignedRequest sign(String party, SigningOptions options) throws Exception {
        Document envelope = EnvelopeBuilder.forXml(leerresultatenVerzoek("99AA").replace("<gw:leerresultaten_verzoek>",
                        "<gw:leerresultaten_verzoek xmlns:gw='" + RequestFixtures.GATEWAY + "'>").getBytes(StandardCharsets.UTF_8))
                .to(URI.create("https://localhost:8443" + RequestFixtures.DEELNEMERS_PATH), new Oin(RequestFixtures.GATEWAY_OIN))
                .action(RequestFixtures.BRENG_DEELNEMERS).messageId("urn:uuid:" + java.util.UUID.randomUUID())
                .from(Oin.ofSchool("99AA")).build();
        RequestSigner signer = RequestSigner.fromKeystore(
                KeystoreCredentials.of(Path.of("certs-dev", party + ".p12"), "changeit"));
        return signer.sign(envelope, options);
    }

    private static GatewayRequest received(SignedRequest signed, String tlsParty) {
        return received(new String(signed.toBytes(), StandardCharsets.UTF_8), tlsParty);
    }

    private static GatewayRequest received(String envelope, String tlsParty) {
        return parsed(envelope, post(tlsParty, ""));
    }

    private static void assertRefused(GatewayRequest request, String wsseCode) {
        assertThatThrownBy(() -> stage.apply(request)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.refusal()).isInstanceOf(Refusal.Security.class);
            assertThat(f.refusal().codeName()).isEqualTo(wsseCode);
        });
        assertThat(request.state()).isEqualTo(State.PARSED);
    }

    @Test
    void verifiesAProfileSignatureAndRecordsWhoSignedIt() throws Exception {
        SignedRequest signed = sign("las-a", SigningOptions.defaults());
        GatewayRequest request = received(signed, "las-a");

        stage.apply(request);

        assertThat(request.state()).isEqualTo(State.SIGNATURE_VERIFIED);
        assertThat(request.signature().signer()).isEqualTo(RequestFixtures.certificate("las-a"));
        assertThat(request.signature().signatureValue()).isEqualTo(signed.signatureValue());
        assertThat(request.signature().expires()).isAfter(request.signature().created());
        assertThat(request.hasPassedWsSecurity()).as("replay is judged by the next stage").isFalse();
    }

    @Test
    void refusesABodyChangedAfterSigningWithFailedCheck() throws Exception {
        String signed = new String(sign("las-a", SigningOptions.defaults()).toBytes(), StandardCharsets.UTF_8);

        assertRefused(received(signed.replace("2026-2027", "2025-2026"), "las-a"), "FailedCheck");
    }

    @Test
    void refusesASignatureThatLeavesWsaToUnsigned() throws Exception {
        assertRefused(received(sign("las-a", SigningOptions.defaults().without(SignedPart.TO)), "las-a"), "FailedCheck");
    }

    @Test
    void refusesARequestWithoutSecurityHeaderWithInvalidSecurity() {
        String unsigned = RequestFixtures.envelope(RequestFixtures.addressing(RequestFixtures.BRENG_DEELNEMERS, "99AA"),
                leerresultatenVerzoek("99AA"));

        assertRefused(received(unsigned, "las-a"), "InvalidSecurity");
    }

    @Test
    void refusesAnRsaSha1SignatureWithInvalidSecurity() throws Exception {
        SigningOptions sha1 = SigningOptions.defaults().withAlgorithms(SigningOptions.RSA_SHA1, SigningOptions.SHA256);

        assertRefused(received(sign("las-a", sha1), "las-a"), "InvalidSecurity");
    }

    @Test
    void refusesASignerUnderAnUntrustedRootWithFailedAuthentication() throws Exception {
        assertRefused(received(sign("las-foreign", SigningOptions.defaults()), "las-foreign"), "FailedAuthentication");
    }

    @Test
    void refusesATimestampCreatedTenMinutesAgoWithMessageExpired() throws Exception {
        SigningOptions stale = SigningOptions.defaults().withCreated(Instant.now().minus(Duration.ofMinutes(10)));

        assertRefused(received(sign("las-a", stale), "las-a"), "MessageExpired");
    }
}
