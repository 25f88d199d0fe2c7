package nl.eindtoets.gateway.it;

import static nl.eindtoets.gateway.it.Faults.AUTORISATIE_ONGELDIG;
import static nl.eindtoets.gateway.it.Faults.HEADER_REQUIRED;
import static nl.eindtoets.gateway.it.Faults.ONGELDIG_BERICHT;
import static nl.eindtoets.gateway.it.Faults.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import javax.xml.namespace.QName;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.Exchange;
import nl.eindtoets.gateway.client.GatewayHttpClient;
import nl.eindtoets.gateway.client.HttpResult;
import nl.eindtoets.gateway.client.Namespaces;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.WsaHeader;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The fault path answers with a fault whatever fails on the way out: on a gateway whose answer signer always fails,
 * every kind of refusal still reaches the LAS as a SOAP fault with its own code, unsigned, with HTTP 500; and an
 * answer that cannot be signed becomes {@code Server.InterneFout}, never an unsigned answer.
 */
class FaultFallbackTest {

    private static final Operation OP = Operation.BRENG_DEELNEMERS;
    private static final QName INTERNE_FOUT = Faults.soap("Server.InterneFout");

    private static RunningGateway gateway;
    private static EindtoetsClient las;

    @BeforeAll
    static void startWithBrokenSigner() {
        gateway = RunningGateway.startWithSigner(real -> (envelope, request) -> {
            throw new IllegalStateException("the signing key is unusable (provoked by the test)");
        });
        las = gateway.client("las-a");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @AfterEach
    void handlersWorkAgain() {
        gateway.handlers().recover();
    }

    @Test
    void contractRefusalGoesOutUnsignedWithItsCode() throws Exception {
        Exchange exchange = las.exchange(OP, las.signer().sign(
                las.envelope(OP, Oin.ofSchool("99AD"), Samples.body("deelnemers-99AD")).build()));

        assertPlainFault(exchange.http(), AUTORISATIE_ONGELDIG, "0002");
    }

    @Test
    void schemaRefusalGoesOutUnsignedWithItsCode() throws Exception {
        Exchange exchange = las.exchange(OP, las.signer().sign(
                las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA-jaargroep-6")).build()));

        assertPlainFault(exchange.http(), ONGELDIG_BERICHT, "0004");
    }

    @Test
    void headerPolicyRefusalGoesOutUnsignedWithItsCode() throws Exception {
        Document envelope = las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA")).build();
        Element header = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP11, "Header").item(0);
        header.appendChild(envelope.createElementNS("urn:iets-anders", "x:extra"));

        Exchange exchange = las.exchange(OP, las.signer().sign(envelope));

        assertPlainFault(exchange.http(), ONGELDIG_BERICHT, "0010");
    }

    @Test
    void addressingRefusalGoesOutUnsignedWithItsCode() throws Exception {
        Exchange exchange = las.exchange(OP, las.signer().sign(
                las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA")).omit(WsaHeader.TO).build()));

        assertPlainFault(exchange.http(), HEADER_REQUIRED, "0005");
    }

    @Test
    void internalErrorGoesOutUnsignedWithItsCode() throws Exception {
        gateway.handlers().failFromNowOn();

        Exchange exchange = las.exchange(OP, signedDelivery());

        assertPlainFault(exchange.http(), INTERNE_FOUT, null);
    }

    @Test
    void answerThatCannotBeSignedBecomesAnInternalErrorNotAnUnsignedAnswer() throws Exception {
        Exchange exchange = las.exchange(OP, signedDelivery());

        assertPlainFault(exchange.http(), INTERNE_FOUT, null);
    }

    @Test
    void securityRefusalIsUnsignedAnywayAndUnchanged() throws Exception {
        SignedRequest signed = signedDelivery();
        byte[] tampered = new String(signed.toBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<lg:achternaam>", "<lg:achternaam>x").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Exchange exchange = las.exchange(OP, signed, tampered);

        assertPlainFault(exchange.http(), new QName(Namespaces.WSSE, "FailedCheck"), "0002");
    }

    @Test
    void unreadableRequestIsUnsignedAnywayAndUnchanged() throws Exception {
        byte[] bytes = signedDelivery().toBytes();
        HttpResult http = las.http().post(las.endpoint(OP), Arrays.copyOf(bytes, bytes.length / 2), Map.of(
                "Content-Type", GatewayHttpClient.SOAP11_CONTENT_TYPE, "SOAPAction", "\"" + OP.action() + "\""));

        assertPlainFault(http, ONGELDIG_BERICHT, "0001");
    }

    private static SignedRequest signedDelivery() throws Exception {
        return las.signer().sign(las.envelope(OP, Oin.ofSchool("99AA"), Samples.body("deelnemers-99AA")).build());
    }

    private static void assertPlainFault(HttpResult http, QName code, String digikoppelingCode) throws Exception {
        assertThat(http.status()).as("HTTP status").isEqualTo(500);
        assertThat(SecureXml.parse(http.body()).getElementsByTagNameNS(Namespaces.WSSE, "Security").getLength())
                .as("security headers in the fault").isZero();
        assertFault(Faults.unsignedAnswer(http), code, digikoppelingCode, false);
    }
}
