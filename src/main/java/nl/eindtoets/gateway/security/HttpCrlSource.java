package nl.eindtoets.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads CRLs from their distribution points (http or https, DER or PEM). A download that fails keeps the CRL
 * last fetched from that URL, which stays in use until its own nextUpdate passes; after that its CA's certificates
 * are refused (hard fail). A URL that has never been fetched successfully fails the whole fetch, so the gateway does
 * not start (or a reload does not apply) without the revocation data it was told to use.
 *
 * <p>The signature of a downloaded CRL is checked where it is used: the PKIX path validation only accepts a CRL
 * signed by the CA it covers.
 */
public final class HttpCrlSource implements ReloadingTrust.CrlSource {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCrlSource.class);
    private static final long MAX_CRL_BYTES = 50L * 1024 * 1024;

    private final List<URI> urls;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<URI, List<X509CRL>> lastFetched = new ConcurrentHashMap<>();

    public HttpCrlSource(List<URI> urls, Duration timeout) {
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("CRL URL must be http or https: " + url);
            }
        }
        this.urls = List.copyOf(urls);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The source for a comma-separated list of URLs ({@code trust.crl.urls}); {@link ReloadingTrust#NONE} when blank. */
    public static ReloadingTrust.CrlSource fromList(String commaSeparated, Duration timeout) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return ReloadingTrust.NONE;
        }
        return new HttpCrlSource(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(URI::create).toList(), timeout);
    }

    public List<URI> urls() {
        return urls;
    }

    @Override
    public List<X509CRL> fetch() throws IOException {
        List<X509CRL> all = new ArrayList<>();
        for (URI url : urls) {
            try {
                List<X509CRL> crls = download(url);
                lastFetched.put(url, crls);
                all.addAll(crls);
            } catch (IOException e) {
                List<X509CRL> previous = lastFetched.get(url);
                if (previous == null) {
                    throw new IOException("CRL download from " + url + " failed: " + e.getMessage(), e);
                }
                LOG.error("CRL download from {} failed; keeping the CRL fetched before (valid until its nextUpdate): {}",
                        url, e.getMessage());
                all.addAll(previous);
            }
        }
        return all;
    }

    private List<X509CRL> download(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body.length == 0 || body.length > MAX_CRL_BYTES) {
            throw new IOException("unusable CRL size " + body.length);
        }
        try {
            List<X509CRL> crls = new ArrayList<>();
            for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(body))) {
                crls.add((X509CRL) crl);
            }
            if (crls.isEmpty()) {
                throw new IOException("no CRL in the answer");
            }
            return crls;
        } catch (GeneralSecurityException e) {
            throw new IOException("not a CRL: " + e.getMessage(), e);
        }
    }
}
