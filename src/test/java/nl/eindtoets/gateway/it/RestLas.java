package nl.eindtoets.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
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
import javax.net.ssl.TrustManagerFactory;
import nl.eindtoets.gateway.backoffice.Json;
import nl.eindtoets.gateway.request.Oin;

/** A LAS on the REST front door: plain HTTPS with the certs-dev key as TLS client certificate, nothing signed. */
final class RestLas {

    /** A well-formed routeringskenmerk of the LAS's school administration (edu-from). */
    static final String ROUTERINGSKENMERK = "RK0000000000000099AA";

    /** An answer: its status, Retry-After, Content-Type, Allow and the Ontvangstmelding. */
    record Answer(int status, String retryAfter, String contentType, String allow, JsonNode body, String raw) {
        String melding() {
            return body.path("melding").asText(null);
        }

        String correlatie() {
            return body.path("correlatie").asText(null);
        }
    }

    private final URI base;
    private final HttpClient http;

    private RestLas(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    static RestLas as(RunningGateway gateway, String keyName) throws Exception {
        char[] password = RunningGateway.PASSWORD.toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", keyName + ".p12"))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(RunningGateway.truststore().load());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new RestLas(gateway.baseUrl(), HttpClient.newBuilder().sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** POST /doorstroomtoets/registreren for {@code eduToBrin}'s school OIN, with the fixed edu-from. */
    Answer registreren(String eduToBrin, String body) throws Exception {
        return post("/doorstroomtoets/registreren?edu-to=" + Oin.ofSchool(eduToBrin).value() + "&edu-from="
                + ROUTERINGSKENMERK, body);
    }

    /** POST /doorstroomtoets/registreren-schooladviezen, as {@link #registreren}. */
    Answer registrerenSchooladviezen(String eduToBrin, String body) throws Exception {
        return post("/doorstroomtoets/registreren-schooladviezen?edu-to=" + Oin.ofSchool(eduToBrin).value()
                + "&edu-from=" + ROUTERINGSKENMERK, body);
    }

    /** GET /doorstroomtoets/leerlingrapport/{rapportid} for {@code eduToBrin}'s school OIN, as it comes. */
    HttpResponse<byte[]> leerlingrapport(String eduToBrin, String rapportid) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/doorstroomtoets/leerlingrapport/" + rapportid
                + "?edu-to=" + Oin.ofSchool(eduToBrin).value() + "&edu-from=" + ROUTERINGSKENMERK))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Answer post(String pathAndQuery, String body) throws Exception {
        return answer(http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Any method, any Content-Type (null for none), any body (null for none): what the front door must refuse. */
    Answer send(String method, String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Answer answer(HttpResponse<String> r) throws Exception {
        return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                r.headers().firstValue("Content-Type").orElse(null), r.headers().firstValue("Allow").orElse(null),
                Json.MAPPER.readTree(r.body()), r.body());
    }
}
