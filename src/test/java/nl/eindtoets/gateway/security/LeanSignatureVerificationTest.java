package nl.eindtoets.gateway.security;

import static nl.eindtoets.gateway.security.Wire.ATTACKER;
import static nl.eindtoets.gateway.security.Wire.BASE64_BINARY;
import static nl.eindtoets.gateway.security.Wire.DS;
import static nl.eindtoets.gateway.security.Wire.EC;
import static nl.eindtoets.gateway.security.Wire.SOAP;
import static nl.eindtoets.gateway.security.Wire.WSA;
import static nl.eindtoets.gateway.security.Wire.WSSE;
import static nl.eindtoets.gateway.security.Wire.WSSE11;
import static nl.eindtoets.gateway.security.Wire.WSU;
import static nl.eindtoets.gateway.security.Wire.XENC;
import static nl.eindtoets.gateway.security.Wire.digestMethod;
import static nl.eindtoets.gateway.security.Wire.digestValue;
import static nl.eindtoets.gateway.security.Wire.giveWsuId;
import static nl.eindtoets.gateway.security.Wire.transform;
import static nl.eindtoets.gateway.security.Wire.transforms;
import static nl.eindtoets.gateway.security.Wire.wrapped;
import static nl.eindtoets.gateway.security.Wire.wsuId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import nl.eindtoets.gateway.client.SecurityHeaderLayout;
import nl.eindtoets.gateway.client.SignedPart;
import nl.eindtoets.gateway.client.SigningKey;
import nl.eindtoets.gateway.client.SigningOptions;
import nl.eindtoets.gateway.request.BodyDigest;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.GatewayRequest.State;
import nl.eindtoets.gateway.request.Refusal;
import nl.eindtoets.gateway.request.RequestFixtures;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The lean WS-Security stage on its own: the one strict 2W-be-S profile it accepts, and for every way out of it the
 * WS-Security code it refuses with. Requests are signed by the project's client with certs-dev keys and verified
 * against the development trust; a variant the client cannot produce is made by changing the signed DOM and, where
 * the change should leave only one rule broken, signing it again ({@link Wire}). A refusal always leaves the request
 * where the parse step left it.
 */
class LeanSignatureVerificationTest {

    private static LeanSignatureVerification stage;

    @BeforeAll
    static void trustTheDevelopmentPki() {
        SecuritySettings settings = DevelopmentTrust.SETTINGS;
        CertificateChainValidator validator = DevelopmentTrust.validator();
        stage = new LeanSignatureVerification(settings, () -> validator);
    }

    private static Wire signed() throws Exception {
        return Wire.signedBy("las-a", SigningOptions.defaults());
    }

    private static Wire signed(SigningOptions options) throws Exception {
        return Wire.signedBy("las-a", options);
    }

    private static GatewayRequest assertAccepted(Wire wire) {
        GatewayRequest request = wire.received("las-a");
        stage.apply(request);
        assertThat(request.state()).isEqualTo(State.SIGNATURE_VERIFIED);
        return request;
    }

    private static void assertRefused(Wire wire, String wsseCode) {
        assertRefused(wire.xml(), "las-a", wsseCode);
    }

    private static void assertRefused(String envelope, String tlsParty, String wsseCode) {
        GatewayRequest request = Wire.received(envelope, tlsParty);
        assertThatThrownBy(() -> stage.apply(request)).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.refusal()).isInstanceOf(Refusal.Security.class);
            assertThat(f.refusal().codeName()).isEqualTo(wsseCode);
        });
        assertThat(request.state()).isEqualTo(State.PARSED);
    }

    private static Instant instant(Element dateTime) {
        return Instant.parse(dateTime.getTextContent().strip());
    }

    // --- accepted -----------------------------------------------------------------------------------------------

    @Test
    void verifiesAProfileSignatureAndRecordsSignerSignatureValueCreatedAndExpires() throws Exception {
        Wire wire = signed();

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.signature().signer()).isEqualTo(RequestFixtures.certificate("las-a"));
        assertThat(request.signature().signatureValue()).isEqualTo(wire.signed().signatureValue());
        assertThat(request.signature().created()).isEqualTo(instant(wire.created()));
        assertThat(request.signature().expires()).isEqualTo(instant(wire.expires()));
        assertThat(request.hasPassedWsSecurity()).as("replay is judged by the next stage").isFalse();
    }

    @Test
    void acceptsATimestampAfterTheSignature() throws Exception {
        assertAccepted(signed(SigningOptions.defaults().withLayout(SecurityHeaderLayout.TIMESTAMP_LAST)));
    }

    @Test
    void acceptsASignatureBeforeTheTokenItRefersTo() throws Exception {
        assertAccepted(signed(SigningOptions.defaults().withLayout(SecurityHeaderLayout.SIGNATURE_FIRST)));
    }

    @Test
    void acceptsATimestampWithoutExpiresAndRecordsNoExpiry() throws Exception {
        Wire wire = signed(SigningOptions.defaults().withoutExpires());

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.signature().created()).isEqualTo(instant(wire.created()));
        assertThat(request.signature().expires()).isNull();
    }

    @Test
    void acceptsATimestampLifetimeOfExactlyTheMaximum() throws Exception {
        assertAccepted(signed(SigningOptions.defaults().withLifetime(Duration.ofSeconds(600))));
    }

    @Test
    void acceptsATimestampCreatedWithinTheFutureSkew() throws Exception {
        assertAccepted(signed(SigningOptions.defaults().withCreated(Instant.now().plusSeconds(30))));
    }

    @Test
    void acceptsRsaSha384WithSha384Digests() throws Exception {
        assertAccepted(signed(SigningOptions.defaults()
                .withAlgorithms(SignatureAlgorithms.RSA_SHA384, SignatureAlgorithms.SHA384)));
    }

    @Test
    void acceptsRsaSha512WithSha512Digests() throws Exception {
        assertAccepted(signed(SigningOptions.defaults()
                .withAlgorithms(SignatureAlgorithms.RSA_SHA512, SignatureAlgorithms.SHA512)));
    }

    @Test
    void acceptsASignatureValueWithLineBreaksAndRecordsItWithout() throws Exception {
        Wire wire = signed();
        wire.signatureValue().setTextContent("\n" + wrapped(wire.signed().signatureValue(), 76) + "\n");

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.signature().signatureValue())
                .as("the value replay is judged on does not depend on how it was wrapped")
                .isEqualTo(wire.signed().signatureValue());
    }

    @Test
    void acceptsDigestValuesWithLineBreaks() throws Exception {
        Wire wire = signed();
        for (Element reference : wire.references()) {
            digestValue(reference).setTextContent(wrapped(digestValue(reference).getTextContent(), 20));
        }
        wire.resign("las-a");

        assertAccepted(wire);
    }

    @Test
    void acceptsABinarySecurityTokenWithLineBreaks() throws Exception {
        Wire wire = signed();
        wire.token().setTextContent(wrapped(wire.token().getTextContent(), 64) + "\n");

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.signature().signer()).isEqualTo(RequestFixtures.certificate("las-a"));
    }

    @Test
    void refusesAKeyInfoReferenceWithoutValueTypeWithInvalidSecurity() throws Exception {
        // the Basic Security Profile asks for it, and WSS4J refuses a reference without it
        Wire wire = signed();
        assertThat(wire.keyReference().getAttribute("ValueType")).isEqualTo(Wire.X509V3);
        wire.keyReference().removeAttribute("ValueType");
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void acceptsCommentsAndWhitespaceBetweenTheSecurityHeaderChildren() throws Exception {
        Wire wire = signed();
        Element security = wire.security();
        security.insertBefore(wire.document().createComment(" sent by LAS A "), security.getFirstChild());
        security.insertBefore(wire.document().createTextNode("\n  "), wire.token());
        security.insertBefore(wire.document().createComment(" the signature "), wire.signature());
        security.appendChild(wire.document().createTextNode("\n"));

        assertAccepted(wire);
    }

    @Test
    void acceptsReferencesWithoutInclusiveNamespaces() throws Exception {
        Wire wire = signed();
        for (Element reference : wire.references()) {
            Element transform = transform(reference);
            transform.removeChild(Wire.child(transform, EC, "InclusiveNamespaces"));
        }
        Element method = wire.canonicalizationMethod();
        method.removeChild(Wire.child(method, EC, "InclusiveNamespaces"));
        wire.redigestAndResign();

        assertAccepted(wire);
    }

    @Test
    void acceptsReferencesWithIdAndTypeAttributes() throws Exception {
        Wire wire = signed();
        Element reference = wire.referenceTo(wire.body());
        reference.setAttribute("Id", "ref-body");
        reference.setAttribute("Type", "http://www.w3.org/2000/09/xmldsig#Object");
        wire.resign("las-a");

        assertAccepted(wire);
    }

    @Test
    void acceptsABodyReferencedByAPlainIdAttribute() throws Exception {
        Wire wire = signed();
        Element body = wire.body();
        String id = wsuId(body);
        body.removeAttributeNS(WSU, "Id");
        body.setAttributeNS(null, "Id", id);
        wire.redigestAndResign();

        assertAccepted(wire);
    }

    @Test
    void acceptsASignatureThatAlsoCoversTheToken() throws Exception {
        Wire wire = signed();
        wire.addReference("#" + wsuId(wire.token()));
        wire.redigestAndResign();

        assertAccepted(wire);
    }

    @Test
    void acceptsSixteenReferences() throws Exception {
        Wire wire = signed();
        wire.addReference("#" + wsuId(wire.token()));
        for (int i = wire.references().size(); i < 16; i++) {
            String id = giveWsuId(wire.addHeader(ATTACKER, "x:Note"), "note-" + i);
            wire.addReference("#" + id);
        }
        wire.redigestAndResign();
        assertThat(wire.references()).hasSize(16);

        assertAccepted(wire);
    }

    // --- the audit's payload digest, from the Body's canonical form -----------------------------------------------

    @Test
    void leavesTheDigestOfThePayloadOnTheRequestTakenFromTheBodysSignaturePass() throws Exception {
        GatewayRequest request = assertAccepted(signed());
        String expected = BodyDigest.of(request.document().payload());

        assertThatThrownBy(() -> request.bodyDigestTaken(expected)).as("the stage already took the digest")
                .isInstanceOf(IllegalStateException.class);
        assertThat(request.bodyDigestOrNull()).isEqualTo(expected);
    }

    @Test
    void leavesTheDigestOfAPayloadUsingTheSoapPrefixOnTheRequest() throws Exception {
        Wire wire = signed();
        wire.payload().setAttributeNS(SOAP, "soap:encodingStyle", "urn:example:encoding");
        wire.redigestAndResign();

        GatewayRequest request = assertAccepted(wire);

        Element payload = request.document().payload();
        assertThat(payload.getAttributeNodeNS(SOAP, "encodingStyle").getPrefix()).isEqualTo("soap");
        assertThat(request.bodyDigestOrNull()).isEqualTo(BodyDigest.of(payload));
    }

    @Test
    void leavesTheDigestOfAPayloadUsingANonAsciiPrefixTheBodyDeclaresOnTheRequest() throws Exception {
        Wire wire = signed();
        wire.body().setAttributeNS(Wire.XMLNS, "xmlns:\u00e9", "urn:example:note");
        wire.body().setAttributeNS("urn:example:note", "\u00e9:note", "1");
        wire.payload().setAttributeNS("urn:example:note", "\u00e9:note", "2");
        wire.redigestAndResign();

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.bodyDigestOrNull()).isEqualTo(BodyDigest.of(request.document().payload()));
    }

    @Test
    void leavesTheDigestOfAPayloadDeclaringAnUnusedDefaultNamespaceUnderABodyPrefixListNamingXmlnsOnTheRequest()
            throws Exception {
        Wire wire = signed();
        Wire.child(transform(wire.referenceTo(wire.body())), EC, "InclusiveNamespaces").setAttribute("PrefixList",
                "wsa xmlns");
        wire.payload().setAttributeNS(Wire.XMLNS, "xmlns", "urn:example:unused");
        wire.redigestAndResign();

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.bodyDigestOrNull()).isEqualTo(BodyDigest.of(request.document().payload()));
    }

    // --- A: one wsse:Security header for the ultimate receiver --------------------------------------------------

    @Test
    void refusesARequestWithoutSecurityHeaderWithInvalidSecurity() {
        String unsigned = RequestFixtures.envelope(RequestFixtures.addressing(RequestFixtures.BRENG_DEELNEMERS, "99AA"),
                RequestFixtures.leerresultatenVerzoek("99AA"));

        assertRefused(unsigned, "las-a", "InvalidSecurity");
    }

    @Test
    void refusesASecondSecurityHeaderWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.header().appendChild(wire.security().cloneNode(true));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecondSecurityHeaderForAnotherActorWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element other = wire.addHeader(WSSE, "wsse:Security");
        other.setAttributeNS(SOAP, "soap:actor", "urn:example:intermediary");
        Element timestamp = (Element) other.appendChild(wire.timestamp().cloneNode(true));
        timestamp.setAttributeNS(WSU, "wsu:Id", "TS-intermediary");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecurityHeaderWithASoapActorWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.security().setAttributeNS(SOAP, "soap:actor", "http://schemas.xmlsoap.org/soap/actor/next");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecurityHeaderInAnotherNamespaceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.document().renameNode(wire.security(), "http://schemas.xmlsoap.org/ws/2002/07/secext", "wsse2:Security");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecurityHeaderInsideAnotherHeaderBlockWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element wrapper = wire.addHeader(ATTACKER, "x:Wrapper");
        wrapper.appendChild(wire.security());

        assertRefused(wire, "InvalidSecurity");
    }

    // --- B: exactly Timestamp, BinarySecurityToken and Signature ------------------------------------------------

    @Test
    void refusesASecondTimestampWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element second = (Element) wire.timestamp().cloneNode(true);
        second.setAttributeNS(WSU, "wsu:Id", "TS-second");
        wire.security().appendChild(second);

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecondBinarySecurityTokenWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element second = (Element) wire.token().cloneNode(true);
        second.setAttributeNS(WSU, "wsu:Id", "X509-second");
        wire.security().insertBefore(second, wire.token());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecondSignatureWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.security().appendChild(wire.signature().cloneNode(true));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASignatureConfirmationWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element confirmation = wire.element(WSSE11, "wsse11:SignatureConfirmation");
        giveWsuId(confirmation, "SC-1");
        wire.security().appendChild(confirmation);

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnEncryptedKeyWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element encryptedKey = wire.element(XENC, "xenc:EncryptedKey");
        Element method = wire.element(XENC, "xenc:EncryptionMethod");
        method.setAttribute("Algorithm", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
        encryptedKey.appendChild(method);
        wire.security().insertBefore(encryptedKey, wire.signature());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAForeignElementInTheSecurityHeaderWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.security().appendChild(wire.element(ATTACKER, "x:Extension", "ignore me"));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesTextInTheSecurityHeaderWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.security().insertBefore(wire.document().createTextNode("stray text"), wire.signature());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASecurityHeaderWithoutTimestampWithInvalidSecurity() throws Exception {
        assertRefused(signed(SigningOptions.defaults().withoutTimestamp()), "InvalidSecurity");
    }

    @Test
    void refusesASecurityHeaderWithoutTheTokenItsSignatureNamesWithSecurityTokenUnavailable() throws Exception {
        Wire wire = signed();
        wire.security().removeChild(wire.token());

        assertRefused(wire, "SecurityTokenUnavailable");
    }

    @Test
    void refusesTheSignedBodyHiddenInTheSecurityHeaderWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element signedBody = wire.body();
        wire.security().appendChild(signedBody);
        wire.envelopeElement().appendChild(forgedBody(wire, null));

        assertRefused(wire, "InvalidSecurity");
    }

    // --- C: Timestamp -------------------------------------------------------------------------------------------

    @Test
    void refusesATimestampWithoutCreatedWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.timestamp().removeChild(wire.created());
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesExpiresPlacedBeforeCreatedWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.timestamp().insertBefore(wire.expires(), wire.created());
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAForeignElementInTheTimestampWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.timestamp().appendChild(wire.element(ATTACKER, "x:Note", "late"));
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedWithAValueTypeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.created().setAttribute("ValueType", "http://www.w3.org/2001/XMLSchema#dateTime");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedWithAnOffsetInsteadOfZWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Instant created = instant(wire.created());
        wire.created().setTextContent(created.toString().replace("Z", "+00:00"));
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedWithMoreThanThreeFractionalDigitsWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Instant created = instant(wire.created()).truncatedTo(ChronoUnit.SECONDS);
        wire.created().setTextContent(created.toString().replace("Z", ".1234Z"));
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedAtHour24WithInvalidSecurity() throws Exception {
        // Instant.parse would read it as midnight of the next day; WSS4J and the xs:dateTime of the profile do not
        Wire wire = signed();
        wire.created().setTextContent(LocalDate.now(ZoneOffset.UTC) + "T24:00:00.000Z");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedOnALeapSecondWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.created().setTextContent(LocalDate.now(ZoneOffset.UTC) + "T23:59:60Z");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedWithoutSecondsWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.created().setTextContent(instant(wire.created()).truncatedTo(ChronoUnit.MINUTES).toString()
                .replace(":00Z", "Z"));
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedWithWhitespaceAroundTheTimeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.created().setTextContent(" " + wire.created().getTextContent().strip() + "\n");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedSplitByACommentWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        String time = wire.created().getTextContent().strip();
        wire.created().setTextContent(time.substring(0, 10));
        wire.created().appendChild(wire.document().createComment("x"));
        wire.created().appendChild(wire.document().createTextNode(time.substring(10)));
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesACreatedThatIsNoDateTimeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        // Ends in Z like a UTC value, but hour 25 and minute 61 make it no xsd:dateTime.
        wire.created().setTextContent("2026-12-08T25:61:00Z");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnExpiresEarlierThanCreatedWithInvalidSecurity() throws Exception {
        // Created within the future skew and Expires still ahead: only the order of the two is wrong.
        Instant created = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.MILLIS);
        Wire wire = signed(SigningOptions.defaults().withCreated(created));
        wire.expires().setTextContent(created.minusSeconds(10).toString());
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATimestampLifetimeAboveTheMaximumWithInvalidSecurity() throws Exception {
        assertRefused(signed(SigningOptions.defaults().withLifetime(Duration.ofSeconds(601))), "InvalidSecurity");
    }

    @Test
    void refusesATimestampCreatedLongerAgoThanTheTtlWithMessageExpired() throws Exception {
        // Expires is still ahead; only the age of Created is out of bounds.
        SigningOptions old = SigningOptions.defaults().withCreated(Instant.now().minusSeconds(400))
                .withLifetime(Duration.ofSeconds(600));

        assertRefused(signed(old), "MessageExpired");
    }

    @Test
    void refusesATimestampCreatedTenMinutesAgoWithMessageExpired() throws Exception {
        assertRefused(signed(SigningOptions.defaults().withCreated(Instant.now().minus(Duration.ofMinutes(10)))),
                "MessageExpired");
    }

    @Test
    void refusesATimestampCreatedBeyondTheFutureSkewWithMessageExpired() throws Exception {
        assertRefused(signed(SigningOptions.defaults().withCreated(Instant.now().plus(Duration.ofMinutes(5)))),
                "MessageExpired");
    }

    @Test
    void refusesATimestampWhoseExpiresHasPassedWithMessageExpired() throws Exception {
        // Created is within the TTL; only Expires is behind us.
        SigningOptions expired = SigningOptions.defaults().withCreated(Instant.now().minusSeconds(200))
                .withLifetime(Duration.ofSeconds(100));

        assertRefused(signed(expired), "MessageExpired");
    }

    // --- D: BinarySecurityToken ---------------------------------------------------------------------------------

    @Test
    void refusesATokenWithAnotherValueTypeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.token().setAttribute("ValueType", Wire.X509_PKI_PATH);

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATokenWithoutEncodingTypeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.token().removeAttribute("EncodingType");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATokenWithAnotherEncodingTypeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.token().setAttribute("EncodingType", BASE64_BINARY.replace("Base64Binary", "HexBinary"));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATokenThatIsNoCertificateWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.token().setTextContent(Base64.getEncoder().encodeToString("no certificate at all".getBytes()));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATokenThatIsNoBase64WithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.token().setTextContent("*** not base64 ***");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATokenHoldingTwoCertificatesWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        byte[] signer = RequestFixtures.certificate("las-a").getEncoded();
        byte[] other = RequestFixtures.certificate("las-b").getEncoded();
        byte[] both = new byte[signer.length + other.length];
        System.arraycopy(signer, 0, both, 0, signer.length);
        System.arraycopy(other, 0, both, signer.length, other.length);
        wire.token().setTextContent(Base64.getEncoder().encodeToString(both));

        assertRefused(wire, "InvalidSecurity");
    }

    // --- E: ds:Signature shape and algorithms -------------------------------------------------------------------

    @Test
    void refusesAnRsaSha1SignatureWithInvalidSecurity() throws Exception {
        assertRefused(signed(SigningOptions.defaults().withAlgorithms(SigningOptions.RSA_SHA1, SigningOptions.SHA256)),
                "InvalidSecurity");
    }

    @Test
    void refusesSha1DigestsWithInvalidSecurity() throws Exception {
        assertRefused(signed(SigningOptions.defaults().withAlgorithms(SigningOptions.RSA_SHA256, SigningOptions.SHA1)),
                "InvalidSecurity");
    }

    @Test
    void refusesOneSha1DigestAmongSha256OnesWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        digestMethod(wire.referenceTo(wire.header(WSA, "To"))).setAttribute("Algorithm", SigningOptions.SHA1);
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesInclusiveCanonicalizationOfSignedInfoWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element method = wire.canonicalizationMethod();
        method.removeChild(Wire.child(method, EC, "InclusiveNamespaces"));
        method.setAttribute("Algorithm", Wire.INCLUSIVE_C14N);
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnInclusiveCanonicalizationTransformWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element transform = transform(wire.referenceTo(wire.body()));
        transform.removeChild(Wire.child(transform, EC, "InclusiveNamespaces"));
        transform.setAttribute("Algorithm", Wire.INCLUSIVE_C14N);
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnXPathTransformWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element transform = transform(wire.referenceTo(wire.body()));
        transform.removeChild(Wire.child(transform, EC, "InclusiveNamespaces"));
        transform.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        transform.appendChild(wire.element(DS, "ds:XPath", "not(ancestor-or-self::gw:brincode)"));
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnEnvelopedSignatureTransformWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element transform = transform(wire.referenceTo(wire.body()));
        transform.removeChild(Wire.child(transform, EC, "InclusiveNamespaces"));
        transform.setAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesTwoTransformsWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element reference = wire.referenceTo(wire.body());
        transforms(reference).appendChild(transform(reference).cloneNode(true));
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAReferenceWithoutTransformsWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element reference = wire.referenceTo(wire.body());
        reference.removeChild(transforms(reference));
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnEmptyReferenceUriWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.referenceTo(wire.body()).setAttribute("URI", "");
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAReferenceWithoutUriWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.referenceTo(wire.body()).removeAttribute("URI");
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnXPointerReferenceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element reference = wire.referenceTo(wire.body());
        reference.setAttribute("URI", "#xpointer(id('" + wsuId(wire.body()) + "'))");
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnExternalReferenceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.addReference("https://attacker.example/body.xml");
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASignedInfoWithoutReferencesWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        for (Element reference : wire.references()) {
            wire.signedInfo().removeChild(reference);
        }
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesSeventeenReferencesWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.addReference("#" + wsuId(wire.token()));
        for (int i = wire.references().size(); i < 17; i++) {
            String id = giveWsuId(wire.addHeader(ATTACKER, "x:Note"), "note-" + i);
            wire.addReference("#" + id);
        }
        wire.redigestAndResign();
        assertThat(wire.references()).hasSize(17);

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASignatureMethodWithAnHmacOutputLengthWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.signatureMethod().appendChild(wire.element(DS, "ds:HMACOutputLength", "0"));
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesADigestValueOfTheWrongLengthWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        digestValue(wire.referenceTo(wire.body())).setTextContent(
                Base64.getEncoder().encodeToString(new byte[20]));
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesADsObjectInTheSignatureWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element object = wire.element(DS, "ds:Object");
        giveWsuId(object, "obj-1");
        wire.signature().appendChild(object);

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesKeyInfoBeforeSignatureValueWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.signature().insertBefore(wire.keyInfo(), wire.signatureValue());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesASignatureWithoutKeyInfoWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.signature().removeChild(wire.keyInfo());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAKeyIdentifierInsteadOfADirectReferenceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element keyIdentifier = wire.element(WSSE, "wsse:KeyIdentifier", "m9uEOhHUyJfQrTjkkRFTD16+S+A=");
        keyIdentifier.setAttribute("ValueType",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509SubjectKeyIdentifier");
        keyIdentifier.setAttribute("EncodingType", BASE64_BINARY);
        wire.tokenReference().replaceChild(keyIdentifier, wire.keyReference());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnIssuerSerialInsteadOfADirectReferenceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        X509Certificate signer = RequestFixtures.certificate("las-a");
        Element data = wire.element(DS, "ds:X509Data");
        Element issuerSerial = wire.element(DS, "ds:X509IssuerSerial");
        issuerSerial.appendChild(wire.element(DS, "ds:X509IssuerName", signer.getIssuerX500Principal().getName()));
        issuerSerial.appendChild(wire.element(DS, "ds:X509SerialNumber", signer.getSerialNumber().toString()));
        data.appendChild(issuerSerial);
        wire.tokenReference().replaceChild(data, wire.keyReference());

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAKeyInfoReferenceWithAnotherValueTypeWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.keyReference().setAttribute("ValueType", Wire.X509_PKI_PATH);

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesTwoReferencesInTheSecurityTokenReferenceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.tokenReference().appendChild(wire.keyReference().cloneNode(true));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAKeyNameBesideTheSecurityTokenReferenceWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.keyInfo().appendChild(wire.element(DS, "ds:KeyName", "las-a"));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAKeyInfoReferenceToTheTimestampWithSecurityTokenUnavailable() throws Exception {
        Wire wire = signed();
        wire.keyReference().setAttribute("URI", "#" + wsuId(wire.timestamp()));

        assertRefused(wire, "SecurityTokenUnavailable");
    }

    @Test
    void refusesAKeyInfoReferenceToAnUnknownIdWithSecurityTokenUnavailable() throws Exception {
        Wire wire = signed();
        wire.keyReference().setAttribute("URI", "#X509-nowhere");

        assertRefused(wire, "SecurityTokenUnavailable");
    }

    @Test
    void refusesAKeyInfoReferenceToATokenOutsideTheSecurityHeaderWithSecurityTokenUnavailable() throws Exception {
        Wire wire = signed();
        Element elsewhere = (Element) wire.token().cloneNode(true);
        elsewhere.setAttributeNS(Wire.XMLNS, "xmlns:wsse", WSSE);
        elsewhere.setAttributeNS(WSU, "wsu:Id", "X509-elsewhere");
        wire.addHeader(ATTACKER, "x:Tokens").appendChild(elsewhere);
        wire.keyReference().setAttribute("URI", "#X509-elsewhere");

        assertRefused(wire, "SecurityTokenUnavailable");
    }

    // --- F: the signer's key ------------------------------------------------------------------------------------

    @Test
    void refusesAnRsaKeyShorterThan2048BitsWithInvalidSecurity() throws Exception {
        assertRefused(Wire.signedWith(rsaKey(1024), SigningOptions.defaults()), "InvalidSecurity");
    }

    @Test
    void refusesATokenWithAnRsaPssKeyWithInvalidSecurity() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSASSA-PSS");
        generator.initialize(2048);
        Wire wire = signed();
        wire.token().setTextContent(Base64.getEncoder().encodeToString(
                certificate(generator.generateKeyPair().getPublic()).getEncoded()));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesATokenWhosePublicExponentIsLongerThan256BitsWithInvalidSecurity() throws Exception {
        RSAPublicKey signer = (RSAPublicKey) RequestFixtures.certificate("las-a").getPublicKey();
        PublicKey bigExponent = KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(signer.getModulus(), BigInteger.ONE.shiftLeft(300).add(BigInteger.ONE)));
        Wire wire = signed();
        wire.token().setTextContent(Base64.getEncoder().encodeToString(certificate(bigExponent).getEncoded()));

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void acceptsABodyAttributeValueThatLooksLikeANamespaceDeclarationAndKeepsThePayloadDigest() throws Exception {
        Wire wire = signed();
        wire.body().setAttributeNS(null, "x", "a xmlns:b");
        wire.redigestAndResign();

        GatewayRequest request = assertAccepted(wire);

        assertThat(request.bodyDigestOrNull()).isEqualTo(BodyDigest.of(request.document().payload()));
    }

    // --- the order of the costly checks -----------------------------------------------------------------------------

    @Test
    void judgesTheSignerBeforeDigestingTheSignedParts() throws Exception {
        Wire wire = Wire.signedBy("las-foreign", SigningOptions.defaults());
        wire.payload().appendChild(wire.element(ATTACKER, "x:extra"));

        assertRefused(wire.xml(), "las-foreign", "FailedAuthentication");
    }

    @Test
    void verifiesTheSignatureValueBeforeDigestingTheSignedParts() throws Exception {
        Wire wire = signed();
        wire.payload().appendChild(wire.element(ATTACKER, "x:extra"));
        byte[] value = Base64.getMimeDecoder().decode(wire.signatureValue().getTextContent());
        value[0] ^= 1;
        wire.signatureValue().setTextContent(Base64.getEncoder().encodeToString(value));

        assertThat(refusalOf(wire).logReason()).isEqualTo("SignatureValue does not verify");
    }

    @Test
    void refusesAnInclusiveNamespacesListOfMoreThanSixteenPrefixesWithInvalidSecurity() throws Exception {
        // exclusive c14n walks every listed prefix at every element of the part: a long list is a cost, not a need
        Wire wire = signed();
        Element inclusive = Wire.child(transform(wire.referenceTo(wire.body())), EC, "InclusiveNamespaces");
        inclusive.setAttribute("PrefixList", "p0 p1 p2 p3 p4 p5 p6 p7 p8 p9 p10 p11 p12 p13 p14 p15 p16");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesAnInclusiveNamespacesTokenThatIsNoPrefixWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        Element inclusive = Wire.child(transform(wire.referenceTo(wire.body())), EC, "InclusiveNamespaces");
        inclusive.setAttribute("PrefixList", "wsa a:b");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void acceptsSixteenInclusivePrefixesIncludingTheDefaultNamespace() throws Exception {
        Wire wire = signed();
        Element inclusive = Wire.child(transform(wire.referenceTo(wire.body())), EC, "InclusiveNamespaces");
        inclusive.setAttribute("PrefixList", "wsa soap wsu #default p4 p5 p6 p7 p8 p9 p10 p11 p12 p13 p14 p15");
        wire.redigestAndResign();

        assertAccepted(wire);
    }

    // --- G: where references may point ----------------------------------------------------------------------------

    @Test
    void refusesAReferenceToAnIdFoundNowhereWithFailedCheck() throws Exception {
        Wire wire = signed();
        wire.addReference("#nowhere");
        wire.resign("las-a");

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesAReferenceToAnElementInsideTheBodyWithFailedCheck() throws Exception {
        Wire wire = signed();
        String id = giveWsuId(wire.payload(), "payload-1");
        wire.addReference("#" + id);
        wire.redigestAndResign();

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesAReferenceToAnElementInsideAHeaderBlockWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element address = Wire.child(wire.header(WSA, "From"), WSA, "Address");
        String id = giveWsuId(address, "address-1");
        wire.addReference("#" + id);
        wire.redigestAndResign();

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesAHeaderBlockRepeatingTheBodyIdWithFailedCheck() throws Exception {
        Wire wire = signed();
        giveWsuId(wire.addHeader(ATTACKER, "x:Decoy"), wsuId(wire.body()));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesAPlainIdRepeatingTheWsuIdOfTheBodyWithFailedCheck() throws Exception {
        Wire wire = signed();
        wire.addHeader(ATTACKER, "x:Decoy").setAttributeNS(null, "Id", wsuId(wire.body()));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesTwoReferencesToTheSameElementWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.signedInfo().appendChild(wire.referenceTo(wire.body()).cloneNode(true));
        wire.resign("las-a");

        assertRefused(wire, "InvalidSecurity");
    }

    @Test
    void refusesTwoReferencesToOneElementByItsWsuIdAndItsPlainIdWithInvalidSecurity() throws Exception {
        Wire wire = signed();
        wire.body().setAttributeNS(null, "Id", "body-plain");
        wire.addReference("#body-plain");
        wire.redigestAndResign();

        assertRefused(wire, "InvalidSecurity");
    }

    // --- G and H: signature wrapping ------------------------------------------------------------------------------

    @Test
    void refusesTheSignedBodyMovedIntoTheHeaderWithANewBodyInItsPlaceWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element signedBody = wire.body();
        wire.header().appendChild(signedBody);
        wire.envelopeElement().appendChild(forgedBody(wire, null));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesANewBodyCarryingTheIdOfTheSignedBodyMovedIntoTheHeaderWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element signedBody = wire.body();
        wire.header().appendChild(signedBody);
        wire.envelopeElement().appendChild(forgedBody(wire, wsuId(signedBody)));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesANewBodyCarryingTheIdOfTheSignedBodyHiddenInAWrapperWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element signedBody = wire.body();
        wire.addHeader(ATTACKER, "x:Wrapper").appendChild(signedBody);
        wire.envelopeElement().appendChild(forgedBody(wire, wsuId(signedBody)));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesASignedMessageIdHiddenBehindANewOneWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element signedMessageId = wire.header(WSA, "MessageID");
        Element fresh = wire.element(WSA, "wsa:MessageID", "urn:uuid:00000000-0000-0000-0000-000000000001");
        wire.header().replaceChild(fresh, signedMessageId);
        wire.addHeader(ATTACKER, "x:Wrapper").appendChild(signedMessageId);

        assertRefused(wire, "FailedCheck");
    }

    // --- H: coverage ------------------------------------------------------------------------------------------------

    @Test
    void refusesASignatureThatLeavesTheBodyUnsignedWithFailedCheck() throws Exception {
        assertRefused(signed(SigningOptions.defaults().without(SignedPart.BODY)), "FailedCheck");
    }

    @Test
    void refusesASignatureThatLeavesTheTimestampUnsignedWithFailedCheck() throws Exception {
        assertRefused(signed(SigningOptions.defaults().without(SignedPart.TIMESTAMP)), "FailedCheck");
    }

    @Test
    void refusesASignatureThatLeavesWsaToUnsignedWithFailedCheck() throws Exception {
        assertRefused(signed(SigningOptions.defaults().without(SignedPart.TO)), "FailedCheck");
    }

    @Test
    void refusesAnUnsignedWsaHeaderAddedAfterSigningWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element replyTo = wire.addHeader(WSA, "wsa:ReplyTo");
        replyTo.appendChild(wire.element(WSA, "wsa:Address", "https://attacker.example/replies"));

        assertRefused(wire, "FailedCheck");
    }

    // --- I: digests and signature value -----------------------------------------------------------------------------

    @Test
    void refusesABodyChangedAfterSigningWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element brincode = (Element) wire.body().getElementsByTagNameNS(RequestFixtures.GATEWAY, "brincode").item(0);
        brincode.setTextContent("99AB");

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesATimestampChangedAfterSigningWithFailedCheck() throws Exception {
        Wire wire = signed();
        // Still fresh, so only the digest can object.
        wire.created().setTextContent(instant(wire.created()).minusSeconds(1).toString());

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesADigestValueChangedAfterSigningWithFailedCheck() throws Exception {
        Wire wire = signed();
        Element digest = digestValue(wire.referenceTo(wire.header(WSA, "Action")));
        byte[] value = Base64.getDecoder().decode(digest.getTextContent().strip());
        value[0] ^= 1;
        digest.setTextContent(Base64.getEncoder().encodeToString(value));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesASignatureValueChangedAfterSigningWithFailedCheck() throws Exception {
        Wire wire = signed();
        byte[] value = Base64.getDecoder().decode(wire.signed().signatureValue());
        value[value.length / 2] ^= 1;
        wire.signatureValue().setTextContent(Base64.getEncoder().encodeToString(value));

        assertRefused(wire, "FailedCheck");
    }

    @Test
    void refusesASignatureThatDoesNotVerifyWithTheTokensKeyWithFailedCheck() throws Exception {
        Wire wire = signed();
        wire.token().setTextContent(Base64.getEncoder().encodeToString(
                RequestFixtures.certificate("las-b").getEncoded()));

        assertRefused(wire.xml(), "las-b", "FailedCheck");
    }

    // --- J: the signer's certificate ----------------------------------------------------------------------------------

    @Test
    void refusesASignerUnderAnUntrustedRootWithFailedAuthentication() throws Exception {
        assertRefused(Wire.signedBy("las-foreign", SigningOptions.defaults()).xml(), "las-foreign",
                "FailedAuthentication");
    }

    @Test
    void refusesARevokedSignerWithFailedAuthentication() throws Exception {
        assertRefused(Wire.signedBy("las-revoked", SigningOptions.defaults()).xml(), "las-revoked",
                "FailedAuthentication");
    }

    @Test
    void refusesAnExpiredSignerWithFailedAuthentication() throws Exception {
        assertRefused(Wire.signedBy("las-expired", SigningOptions.defaults()).xml(), "las-expired",
                "FailedAuthentication");
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    /** A Body about school 99AB, optionally with {@code id} as its wsu:Id, for the caller to put in the Envelope. */
    private static Element forgedBody(Wire wire, String id) {
        Element forged = wire.element(SOAP, "soap:Body");
        Element request = wire.element(RequestFixtures.GATEWAY, "gw:leerresultaten_verzoek");
        request.appendChild(wire.element(RequestFixtures.GATEWAY, "gw:schooljaar", "2026-2027"));
        request.appendChild(wire.element(RequestFixtures.GATEWAY, "gw:brincode", "99AB"));
        request.appendChild(wire.element(RequestFixtures.GATEWAY, "gw:dependancecode", "00"));
        forged.appendChild(request);
        if (id != null) {
            giveWsuId(forged, id);
        }
        return forged;
    }

    /** A self-signed RSA key of {@code bits} bits, to sign with. */
    private static Refusal.Security refusalOf(Wire wire) {
        GatewayRequest request = wire.received("las-a");
        try {
            stage.apply(request);
        } catch (GatewayFault fault) {
            assertThat(request.state()).isEqualTo(State.PARSED);
            return (Refusal.Security) fault.refusal();
        }
        throw new AssertionError("accepted");
    }

    /** A certificate for {@code subjectKey}, issued by a throwaway RSA key (its signature is never checked here). */
    private static X509Certificate certificate(PublicKey subjectKey) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair issuer = generator.generateKeyPair();
        X500Name subject = new X500Name("C=NL, O=Dev LAS Vreemd, serialNumber=00000099000000001000, CN=las-a.dev.invalid");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), subject, subjectKey)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }

    private static SigningKey rsaKey(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("C=NL, O=Dev LAS Zwak, serialNumber=00000099000000007000, CN=las-weak.dev.invalid");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new SigningKey("las-weak", keys.getPrivate(), new X509Certificate[] {certificate});
    }
}
