package nl.eindtoets.gateway.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import nl.eindtoets.gateway.xml.SecureXml;
import org.xml.sax.SAXException;

/**
 * Requests for the stage tests, at any point of the chain: an envelope written out as text, parsed like the gateway
 * parses it, with the findings of the earlier stages filled in from the development parties of certs-dev/README.md
 * (las-a is mandated for 99AA, las-b for 99AC, las-foreign holds a certificate of another CA).
 */
public final class RequestFixtures {

    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String GATEWAY = "urn:eindtoets-gateway:1";

    public static final String DEELNEMERS_PATH = "/eindtoets/deelnemers";
    public static final String BRENG_DEELNEMERS = "urn:eindtoets-gateway:1:BrengDeelnemers";
    public static final String HAAL_LEERRESULTATEN = "urn:eindtoets-gateway:1:HaalLeerresultaten";
    /** The gateway's OIN in the development PKI (certs-dev/gateway.crt). */
    public static final String GATEWAY_OIN = "00000099000000002000";
    public static final String ANONYMOUS = WSA + "/anonymous";

    private static final Path CERTS = Path.of("certs-dev");

    private RequestFixtures() {
    }

    /** The certificate of a development party, e.g. {@code las-a}. */
    public static X509Certificate certificate(String party) {
        try (InputStream in = Files.newInputStream(CERTS.resolve(party + ".crt"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST over mutual TLS by {@code tlsParty} (null: no client certificate), with the SOAPAction given. */
    public static TransportFacts post(String tlsParty, String soapAction) {
        return new TransportFacts("POST", null, soapAction, "text/xml; charset=utf-8", "1000",
                tlsParty == null ? List.of() : List.of(certificate(tlsParty)));
    }

    public static GatewayRequest received(TransportFacts transport) {
        return new GatewayRequest("corr-1", "BrengDeelnemers", transport);
    }

    /** The request with {@code envelope} parsed, as the parse step leaves it. */
    public static GatewayRequest parsed(String envelope, TransportFacts transport) {
        GatewayRequest request = received(transport);
        request.parsed(document(envelope));
        return request;
    }

    /** The request as the WS-Security stages leave it: signed by the TLS client {@code party}, not replayed. */
    public static GatewayRequest passedWsSecurity(String envelope, String party) {
        return passedWsSecurity(envelope, party, party);
    }

    public static GatewayRequest passedWsSecurity(String envelope, String tlsParty, String signerParty) {
        return passedWsSecurity(envelope, post(tlsParty, ""), signerParty);
    }

    public static GatewayRequest passedWsSecurity(String envelope, TransportFacts transport, String signerParty) {
        GatewayRequest request = parsed(envelope, transport);
        request.signatureVerified(signature(signerParty));
        request.passedWsSecurity();
        return request;
    }

    /** A request from las-a for {@code brin} that passed every stage up to and including identity. */
    public static GatewayRequest identified(String brin) {
        GatewayRequest request = passedWsSecurity(envelope(addressing(BRENG_DEELNEMERS, brin), leerresultatenVerzoek(brin)), "las-a");
        request.addressed(new AddressingHeaders("https://gateway" + DEELNEMERS_PATH, BRENG_DEELNEMERS,
                "urn:uuid:1", schoolAddress(brin), null, null));
        request.identified(new RequestIdentity(new Oin("00000099000000001000"), Oin.ofSchool(brin), brin, "00",
                "urn:uuid:1"));
        return request;
    }

    public static VerifiedSignature signature(String signerParty) {
        Instant now = Instant.now();
        return new VerifiedSignature(certificate(signerParty), "c2lnbmF0dXJl", now, now.plusSeconds(300));
    }

    public static RequestDocument document(String envelope) {
        try {
            return new RequestDocument(SecureXml.parse(envelope.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("fixture envelope is not well-formed", e);
        }
    }

    /** A SOAP 1.1 envelope with the given header blocks and Body content, both as XML text. */
    public static String envelope(String headerBlocks, String bodyContent) {
        return "<soap:Envelope xmlns:soap='" + SOAP + "' xmlns:wsa='" + WSA + "' xmlns:wsse='" + WSSE
                + "' xmlns:gw='" + GATEWAY + "'><soap:Header>" + headerBlocks + "</soap:Header><soap:Body>"
                + bodyContent + "</soap:Body></soap:Envelope>";
    }

    /** The four WS-Addressing headers a request to the deelnemers endpoint sends, from school {@code brin}. */
    public static String addressing(String action, String brin) {
        return "<wsa:To>https://gateway.example" + DEELNEMERS_PATH + "?oin=" + GATEWAY_OIN + "</wsa:To>"
                + "<wsa:Action>" + action + "</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:6b7e0c5e-8a0c-4a48-9a3e-1d2f3a4b5c6d</wsa:MessageID>"
                + "<wsa:From><wsa:Address>" + schoolAddress(brin) + "</wsa:Address></wsa:From>";
    }

    /** {@code wsa:From}'s address for a school: the anonymous URI with the school's OIN. */
    public static String schoolAddress(String brin) {
        return ANONYMOUS + "?oin=" + Oin.ofSchool(brin).value();
    }

    /** A leerresultaten_verzoek about {@code brin}, as Body content. */
    public static String leerresultatenVerzoek(String brin) {
        return "<gw:leerresultaten_verzoek><gw:schooljaar>2026-2027</gw:schooljaar><gw:brincode>" + brin
                + "</gw:brincode><gw:dependancecode>00</gw:dependancecode></gw:leerresultaten_verzoek>";
    }
}
