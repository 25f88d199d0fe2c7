package nl.eindtoets.gateway.client;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import nl.eindtoets.gateway.request.Oin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a LAS needs to call the gateway: builds the 2W-be-S envelope for an operation, signs it, posts it over mutual
 * TLS and verifies the signed answer. The steps are also public one by one, so a test can change what it sends.
 */
public final class EindtoetsClient {

    /** The toetsleverancier's OIN in the development PKI (certs-dev/gateway.p12). */
    public static final Oin GATEWAY_OIN = new Oin("00000099000000002000");
    public static final URI DEFAULT_BASE_URL = URI.create("https://localhost:8443");

    private final URI baseUrl;
    private final Oin gatewayOin;
    private final RequestSigner signer;
    private final GatewayHttpClient http;
    private final ResponseVerifier verifier;

    /**
     * @param baseUrl    scheme, host and port of the gateway, e.g. {@code https://localhost:8443}
     * @param gatewayOin receiver OIN put on {@code wsa:To} and required of the response signer
     */
    public EindtoetsClient(URI baseUrl, Oin gatewayOin, RequestSigner signer, GatewayHttpClient http,
                           ResponseVerifier verifier) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.gatewayOin = Objects.requireNonNull(gatewayOin, "gatewayOin");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.http = Objects.requireNonNull(http, "http");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** One key for TLS and signing (as a LAS vendor has), the gateway's dev OIN, default timeout. */
    public static EindtoetsClient create(URI baseUrl, KeystoreCredentials key, TruststoreFile truststore)
            throws IOException, GeneralSecurityException {
        SigningKey signingKey = key.load();
        var trusted = truststore.load();
        return new EindtoetsClient(baseUrl, GATEWAY_OIN, new RequestSigner(signingKey),
                new GatewayHttpClient(signingKey, trusted, GatewayHttpClient.DEFAULT_TIMEOUT),
                new ResponseVerifier(trusted, GATEWAY_OIN));
    }

    public static EindtoetsClient create(URI baseUrl, KeystoreCredentials key, TruststoreFile truststore,
                                         Duration timeout) throws IOException, GeneralSecurityException {
        SigningKey signingKey = key.load();
        var trusted = truststore.load();
        return new EindtoetsClient(baseUrl, GATEWAY_OIN, new RequestSigner(signingKey),
                new GatewayHttpClient(signingKey, trusted, timeout), new ResponseVerifier(trusted, GATEWAY_OIN));
    }

    /** Builds, signs, sends and verifies: the verified response, or the fault the gateway returned. */
    public GatewayResponse send(Operation operation, Oin school, Element body)
            throws IOException, InterruptedException, ResponseVerificationException, WSSecurityException {
        return send(operation, envelope(operation, school, body).build());
    }

    /** Signs a complete envelope with the default options, sends and verifies it. */
    public GatewayResponse send(Operation operation, Document envelope)
            throws IOException, InterruptedException, ResponseVerificationException, WSSecurityException {
        return verify(exchange(operation, signer.sign(envelope)));
    }

    public URI endpoint(Operation operation) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + operation.path());
    }

    /** The correct envelope for the operation, still open for changes. */
    public EnvelopeBuilder envelope(Operation operation, Oin school, Element body) {
        return addressed(EnvelopeBuilder.forPayload(body), operation, school);
    }

    /** Gives {@code builder} this client's defaults for To, Action and From (where its envelope lacks them). */
    public EnvelopeBuilder addressed(EnvelopeBuilder builder, Operation operation, Oin school) {
        return builder.to(endpoint(operation), gatewayOin)
                .action(operation.action())
                .from(school);
    }

    public RequestSigner signer() {
        return signer;
    }

    public GatewayHttpClient http() {
        return http;
    }

    /** Posts a signed request as it stands, with SOAPAction = the operation's Action. */
    public Exchange exchange(Operation operation, SignedRequest request) throws IOException, InterruptedException {
        return exchange(operation, request, request.toBytes());
    }

    /** Posts {@code wireBytes} (e.g. a request altered after signing) and keeps {@code request} for verification. */
    public Exchange exchange(Operation operation, SignedRequest request, byte[] wireBytes)
            throws IOException, InterruptedException {
        HttpResult result = http.post(endpoint(operation), wireBytes, operation.action());
        return new Exchange(operation, request, result);
    }

    /** Verifies the answer of an exchange against its request. */
    public GatewayResponse verify(Exchange exchange) throws ResponseVerificationException {
        return verifier.verify(exchange.http().body(), exchange.request(), exchange.operation().responseAction());
    }
}
