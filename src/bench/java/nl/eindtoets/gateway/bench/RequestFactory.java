package nl.eindtoets.gateway.bench;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.identity.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs unique {@code BrengDeelnemers} requests ahead of a phase: each has its own MessageID, a fresh Timestamp (so a
 * phase must finish well within the 300 s TTL) and a later {@code aanmaakdatum} than any request before it in the run.
 * Signing runs on a few threads, each with its own copy of the body.
 */
final class RequestFactory {

    private final RequestSigner signer;
    private final Oin gatewayOin;
    private final ExecutorService pool;
    private final int threads;
    private final LocalDateTime listEpoch = LocalDateTime.now().minusHours(1);
    private final AtomicLong listSequence = new AtomicLong();

    RequestFactory(RequestSigner signer, Oin gatewayOin, ExecutorService pool, int threads) {
        this.signer = signer;
        this.gatewayOin = gatewayOin;
        this.pool = pool;
        this.threads = threads;
    }

    /** {@code count} signed requests to {@code baseUrl} carrying {@code pupils} pupils, in sending order. */
    List<PreparedRequest> prepare(URI baseUrl, int pupils, int count) {
        URI endpoint = URI.create(baseUrl + Operation.BRENG_DEELNEMERS.path());
        long firstList = listSequence.getAndAdd(count);
        PreparedRequest[] out = new PreparedRequest[count];
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            parts.add(pool.submit(() -> {
                Element body = PupilList.body(pupils);
                for (int i = offset; i < count; i += threads) {
                    PupilList.setAanmaakdatum(body, listEpoch.plusNanos((firstList + i) * 1_000_000L));
                    out[i] = sign(endpoint, body);
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot sign benchmark requests", e.getCause());
            }
        }
        return List.of(out);
    }

    /** The same request without a WS-Security header: every server under test must refuse it. */
    byte[] unsigned(URI baseUrl, int pupils) {
        URI endpoint = URI.create(baseUrl + Operation.BRENG_DEELNEMERS.path());
        return SecureXml.toBytes(envelope(endpoint, PupilList.body(pupils)));
    }

    private PreparedRequest sign(URI endpoint, Element body) throws Exception {
        SignedRequest signed = signer.sign(envelope(endpoint, body));
        return new PreparedRequest(signed.toBytes(), signed.signatureValue(), signed.messageId());
    }

    private Document envelope(URI endpoint, Element body) {
        return EnvelopeBuilder.forPayload(body)
                .to(endpoint, gatewayOin)
                .action(Operation.BRENG_DEELNEMERS.action())
                .from(Oin.ofSchool(PupilList.BRIN))
                .build();
    }
}
