package nl.eindtoets.gateway.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTP/1.1 over mutual TLS (1.2 or 1.3) to the gateway: posts SOAP 1.1 envelopes with the SOAPAction header and
 * returns whatever comes back, status and all. The server certificate must chain to the trust store and match the
 * host name.
 */
public final class GatewayHttpClient {

    public static final String SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param clientKey the TLS client certificate and key, or null to connect without one
     * @param trusted   CA certificates the server certificate must chain to
     * @param timeout   connect timeout and whole-request timeout
     */
    public GatewayHttpClient(SigningKey clientKey, KeyStore trusted, Duration timeout)
            throws GeneralSecurityException {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        SSLContext tls = sslContext(clientKey, trusted);
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .sslParameters(parameters)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Client certificate from {@code clientKey} (null: none), trust from {@code truststore}. */
    public static GatewayHttpClient create(KeystoreCredentials clientKey, TruststoreFile truststore, Duration timeout)
            throws IOException, GeneralSecurityException {
        return new GatewayHttpClient(clientKey == null ? null : clientKey.load(), truststore.load(), timeout);
    }

    /** Posts a SOAP 1.1 envelope; {@code soapAction} is sent quoted, or no SOAPAction header at all when null. */
    public HttpResult post(URI uri, byte[] envelope, String soapAction) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", SOAP11_CONTENT_TYPE);
        if (soapAction != null) {
            headers.put("SOAPAction", "\"" + soapAction + "\"");
        }
        return post(uri, envelope, headers);
    }

    /** Posts {@code body} with exactly these headers (for content types and SOAPAction forms tests need). */
    public HttpResult post(URI uri, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResult(response.statusCode(), response.headers().map(), response.body());
    }

    /** A GET, e.g. for {@code ?wsdl}. */
    public HttpResult get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResult(response.statusCode(), response.headers().map(), response.body());
    }

    private static SSLContext sslContext(SigningKey clientKey, KeyStore trusted) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(Objects.requireNonNull(trusted, "trusted"));
        KeyManager[] keyManagers = null;
        if (clientKey != null) {
            char[] password = UUID.randomUUID().toString().toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            // Only the chosen entry is offered, so the TLS identity is the one the caller named.
            kmf.init(clientKey.asKeyStore(password), password);
            keyManagers = kmf.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
