package nl.eindtoets.gateway.lassim;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import nl.eindtoets.gateway.mandate.MutualTlsContext;
import nl.eindtoets.gateway.request.Oin;

/** Both ends of the LAS connection from certs-dev (password changeit): las-a serves, a supplier calls. */
final class LasSimTls {

    static final Path CERTS = Path.of("certs-dev");
    static final char[] PASSWORD = "changeit".toCharArray();
    static final Oin LAS_A = new Oin("00000099000000001000");

    private LasSimTls() {
    }

    /** The LAS's side: las-a's key, the dev roots for the supplier's certificate. */
    static SSLContext lasA() {
        return MutualTlsContext.context(CERTS.resolve("las-a.p12"), PASSWORD, null, CERTS.resolve("truststore.p12"),
                PASSWORD);
    }

    /** A client presenting {@code keystore} (e.g. gateway.p12, the supplier) that expects las-a at the other end. */
    static HttpClient clientAs(String keystore) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keystore), PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(load("truststore.p12"));
        X509TrustManager pkix = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), new TrustManager[] {new ServerOinTrustManager(pkix, LAS_A)}, null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code POST /leerlingresultaat?edu-to=&edu-from=} with a JSON body. */
    static HttpResponse<String> post(HttpClient client, URI base, String eduTo, String eduFrom, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/leerlingresultaat?edu-to=" + eduTo + "&edu-from=" + eduFrom))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpClient client, URI base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(CERTS.resolve(name))) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
