package nl.eindtoets.gateway.bench;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.eindtoets.gateway.client.EnvelopeBuilder;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs unique {@code BrengDeelnemers} requests ahead of a phase, one queue per load connection: connection {@code i}
 * delivers for school {@code i} of {@link LoadSchools} (wsa:From {@code ?oin=} and brincode both name it). Each
 * request has its own MessageID, a fresh Timestamp (so a phase must finish well within the 300 s TTL) and a later
 * {@code aanmaakdatum} than any request signed before it in the run, so each connection's school receives ever newer
 * lists, in order. Signing runs on a few threads, each with its own copy of the body.
 */
final class RequestFactory {

    private final RequestSigner signer;
    private final Oin gatewayOin;
    private final LoadSchools schools;
    private final ExecutorService pool;
    private final int threads;
    private final LocalDateTime listEpoch = LocalDateTime.now().minusHours(1);
    private final AtomicLong listSequence = new AtomicLong();

    RequestFactory(RequestSigner signer, Oin gatewayOin, LoadSchools schools, ExecutorService pool, int threads) {
        this.signer = signer;
        this.gatewayOin = gatewayOin;
        this.schools = schools;
        this.pool = pool;
        this.threads = threads;
    }

    /**
     * {@code connections} queues of {@code perConnection} signed requests to {@code baseUrl}, each carrying
     * {@code pupils} pupils, queue {@code i} for school {@code i}, each in sending order.
     */
    List<List<PreparedRequest>> prepare(URI baseUrl, int pupils, int perConnection, int connections) {
        return prepare(baseUrl, pupils, perConnection, connections, true);
    }

    /** As {@link #prepare(URI, int, int, int)}; unsigned requests (no WS-Security header) when {@code signed} is false. */
    List<List<PreparedRequest>> prepare(URI baseUrl, int pupils, int perConnection, int connections, boolean signed) {
        URI endpoint = URI.create(baseUrl + Operation.BRENG_DEELNEMERS.path());
        long first = listSequence.getAndAdd((long) perConnection * connections);
        PreparedRequest[][] out = new PreparedRequest[connections][perConnection];
        // With fewer connections than signing threads, a connection's queue is split over several tasks.
        int slices = Math.max(1, threads / connections);
        List<Future<?>> parts = new ArrayList<>();
        for (int conn = 0; conn < connections; conn++) {
            for (int slice = 0; slice < slices; slice++) {
                int c = conn;
                int s = slice;
                parts.add(pool.submit(() -> {
                    Element body = PupilList.body(pupils, schools.brin(c));
                    for (int round = s; round < perConnection; round += slices) {
                        long sequence = first + (long) round * connections + c;
                        PupilList.setAanmaakdatum(body, listEpoch.plusNanos(sequence * 1_000_000L));
                        out[c][round] = signed ? sign(endpoint, body, schools.oin(c))
                                : new PreparedRequest(SecureXml.toBytes(envelope(endpoint, body, schools.oin(c))), null,
                                        null);
                    }
                    return null;
                }));
            }
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
        return Arrays.stream(out).map(List::of).toList();
    }

    /** A request of connection 0's school without a WS-Security header: every server under test must refuse it. */
    byte[] unsigned(URI baseUrl, int pupils) {
        URI endpoint = URI.create(baseUrl + Operation.BRENG_DEELNEMERS.path());
        return SecureXml.toBytes(envelope(endpoint, PupilList.body(pupils, schools.brin(0)), schools.oin(0)));
    }

    private PreparedRequest sign(URI endpoint, Element body, Oin school) throws Exception {
        SignedRequest signed = signer.sign(envelope(endpoint, body, school));
        return new PreparedRequest(signed.toBytes(), signed.signatureValue(), signed.messageId());
    }

    private Document envelope(URI endpoint, Element body, Oin school) {
        return EnvelopeBuilder.forPayload(body)
                .to(endpoint, gatewayOin)
                .action(Operation.BRENG_DEELNEMERS.action())
                .from(school)
                .build();
    }
}
