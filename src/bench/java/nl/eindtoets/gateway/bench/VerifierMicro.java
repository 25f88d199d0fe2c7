package nl.eindtoets.gateway.bench;

import static nl.eindtoets.gateway.bench.MicroTiming.cpu;
import static nl.eindtoets.gateway.bench.MicroTiming.median;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.KeystoreCredentials;
import nl.eindtoets.gateway.client.RequestSigner;
import nl.eindtoets.gateway.client.SigningKey;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.envelope.EnvelopeStructureReader;
import nl.eindtoets.gateway.envelope.NoDocumentTypeReader;
import nl.eindtoets.gateway.request.BodyDigest;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.RequestDocument;
import nl.eindtoets.gateway.request.Stage;
import nl.eindtoets.gateway.request.TransportFacts;
import nl.eindtoets.gateway.security.CertificateChainValidator;
import nl.eindtoets.gateway.security.CryptoProviders;
import nl.eindtoets.gateway.security.Cryptos;
import nl.eindtoets.gateway.security.LeanSignatureVerification;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.security.SignatureVerification;
import nl.eindtoets.gateway.security.TrustMaterial;
import nl.eindtoets.gateway.transport.TransportSettings;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Document;

/**
 * The two request verifiers side by side in one JVM, on one thread: CPU time per verified {@code BrengDeelnemers}
 * request of 30, 300 and 3,000 pupils, signed by las-a. Every request is parsed from its signed bytes into the
 * gateway's one DOM as the parse step does (CXF's StAX reader with the transport limits, the envelope-structure
 * check, no DTD), then given to the verifier stage, WSS4J's ({@code SignatureVerification}) or the lean one
 * ({@code LeanSignatureVerification}); each must leave the request {@code SIGNATURE_VERIFIED}, or the run fails.
 * Per size: the parse alone, parse + each verifier + the audit's payload digest (which the lean verifier takes from
 * the Body's signature pass, and WSS4J's leaves to a second exclusive c14n), and that second c14n alone (on an
 * already parsed DOM). Each round signs a fresh batch (outside the timed part, so the Timestamps
 * stay fresh) and measures all of them, the two verifiers in alternating order; the median round is reported. The
 * verification part is parse + verifier minus the parse of the same round. Argument: the crypto.provider value
 * ({@code accp} or {@code jdk}; default {@code auto}).
 */
public final class VerifierMicro {

    private static final int WARM_UP_ROUNDS = 2;
    private static final List<Size> SIZES = List.of(new Size(30, 500, 9), new Size(300, 100, 9), new Size(3000, 12, 9));
    private static final URI GATEWAY = URI.create("https://localhost:8443");
    private static final String PASSWORD = "changeit";

    /** A list size, how many requests a round verifies per variant, and how many rounds count. */
    private record Size(int pupils, int perRound, int rounds) {
    }

    private VerifierMicro() {
    }

    public static void main(String[] args) throws Exception {
        CryptoProviders.Installed provider = CryptoProviders.install(
                CryptoProviders.Choice.parse(args.length > 0 ? args[0] : "auto"));
        GatewayConfig config = GatewayConfig.defaults(Map.of());
        SecuritySettings settings = SecuritySettings.from(config);
        CertificateChainValidator validator = new CertificateChainValidator(TrustMaterial.load(settings.truststore(),
                settings.truststorePassword(), settings.crlFiles()), Clock.systemUTC(), Duration.ofMinutes(5));
        Stage wss4j = new SignatureVerification(settings, Cryptos.verification(settings), () -> validator);
        Stage lean = new LeanSignatureVerification(settings, () -> validator);

        SigningKey las = KeystoreCredentials.of(Path.of("certs-dev", "las-a.p12"), PASSWORD).load();
        TransportFacts transport = new TransportFacts("POST", null, "", "text/xml; charset=utf-8", null,
                List.of(las.chain()));
        Message limits = readerLimits(TransportSettings.from(config));
        ExecutorService signing = Executors.newFixedThreadPool(2);
        RequestFactory requests = new RequestFactory(new RequestSigner(las), EindtoetsClient.GATEWAY_OIN,
                new LoadSchools(1), signing, 2);

        List<String> rows = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (Size size : SIZES) {
                rows.add(measure(size, requests, transport, limits, wss4j, lean));
            }
        } finally {
            signing.shutdownNow();
        }
        System.out.println("verifier micro (" + provider.summary() + "), CPU ms per verified request, median of "
                + "alternating rounds (" + WARM_UP_ROUNDS + " warm-up rounds per size not counted), "
                + (System.nanoTime() - started) / 1_000_000_000 + " s:");
        System.out.println("| pupils | rounds × requests | parse | parse+wss4j+digest | parse+lean | body digest alone"
                + " | wss4j verification + digest | lean verification | lean ÷ wss4j |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static String measure(Size size, RequestFactory requests, TransportFacts transport, Message limits,
                                  Stage wss4j, Stage lean) throws Exception {
        List<Double> parseMs = new ArrayList<>();
        List<Double> wss4jMs = new ArrayList<>();
        List<Double> leanMs = new ArrayList<>();
        List<Double> digestMs = new ArrayList<>();
        List<Double> wss4jOnly = new ArrayList<>();
        List<Double> leanOnly = new ArrayList<>();
        int n = size.perRound();
        for (int round = 0; round < size.rounds() + WARM_UP_ROUNDS; round++) {
            List<PreparedRequest> batch = requests.prepare(GATEWAY, size.pupils(), n, 1).get(0);
            byte[][] wires = batch.stream().map(PreparedRequest::wire).toArray(byte[][]::new);

            long t0 = cpu();
            for (byte[] wire : wires) {
                parse(wire, transport, limits);
            }
            double parse = (cpu() - t0) / 1e6 / n;
            // Alternate which verifier goes first, so neither always runs on the other's leftovers.
            double first;
            double second;
            if (round % 2 == 0) {
                first = verify(wss4j, wires, transport, limits);
                second = verify(lean, wires, transport, limits);
            } else {
                second = verify(lean, wires, transport, limits);
                first = verify(wss4j, wires, transport, limits);
            }
            double digest = digest(wires, transport, limits);
            if (round >= WARM_UP_ROUNDS) { // the first rounds warm the JIT up
                parseMs.add(parse);
                wss4jMs.add(first);
                leanMs.add(second);
                digestMs.add(digest);
                wss4jOnly.add(first - parse);
                leanOnly.add(second - parse);
            }
        }
        double wss4jVerification = median(wss4jOnly);
        double leanVerification = median(leanOnly);
        return String.format("| %d | %d × %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f× |", size.pupils(),
                size.rounds(), n, median(parseMs), median(wss4jMs), median(leanMs), median(digestMs), wss4jVerification,
                leanVerification, leanVerification / wss4jVerification);
    }

    /**
     * CPU ms per request for parse + {@code verifier} + the audit's payload digest; every request must come out
     * verified.
     */
    private static double verify(Stage verifier, byte[][] wires, TransportFacts transport, Message limits)
            throws XMLStreamException {
        long t0 = cpu();
        for (byte[] wire : wires) {
            GatewayRequest request = parse(wire, transport, limits);
            verifier.apply(request);
            if (request.state() != GatewayRequest.State.SIGNATURE_VERIFIED) {
                throw new IllegalStateException(verifier.getClass().getSimpleName() + " left a request "
                        + request.state() + " instead of " + GatewayRequest.State.SIGNATURE_VERIFIED);
            }
            // The audit reads the payload's digest of every verified request: the lean verifier has taken it from
            // the Body's signature pass, after WSS4J it is a second c14n.
            if (request.bodyDigestOrNull() == null) {
                throw new IllegalStateException("no body digest");
            }
        }
        return (cpu() - t0) / 1e6 / wires.length;
    }

    /** CPU ms per request for the audit's body digest, on requests parsed beforehand. */
    private static double digest(byte[][] wires, TransportFacts transport, Message limits) throws XMLStreamException {
        RequestDocument[] docs = new RequestDocument[wires.length];
        for (int i = 0; i < wires.length; i++) {
            docs[i] = parse(wires[i], transport, limits).document();
        }
        int sink = 0;
        long t0 = cpu();
        for (RequestDocument doc : docs) {
            sink += BodyDigest.of(doc.payload()).length();
        }
        long t1 = cpu();
        if (sink != 64 * docs.length) {
            throw new IllegalStateException("a body digest is not SHA-256 hex");
        }
        return (t1 - t0) / 1e6 / docs.length;
    }

    /**
     * The request as the parse step leaves it ({@code chain.RequestParsingInterceptor}): read once through CXF's
     * StAX reader with the transport's limits, the envelope-structure check and the DTD refusal, into a plain DOM.
     */
    private static GatewayRequest parse(byte[] wire, TransportFacts transport, Message limits)
            throws XMLStreamException {
        GatewayRequest request = new GatewayRequest("bench", "BrengDeelnemers", transport);
        XMLStreamReader reader = StaxUtils.configureReader(
                StaxUtils.createXMLStreamReader(new ByteArrayInputStream(wire), StandardCharsets.UTF_8.name()), limits);
        EnvelopeStructureReader structure = new EnvelopeStructureReader(reader);
        Document doc = DOMUtils.createDocument();
        StaxUtils.readDocElements(doc, doc, new NoDocumentTypeReader(structure), false, false);
        reader.close();
        if (structure.misplaced() != null) {
            throw new IllegalStateException("the signed request is out of shape: " + structure.misplaced());
        }
        request.parsed(new RequestDocument(doc, structure.misplaced()));
        return request;
    }

    /** The reader limits the gateway's endpoints set ({@code transport.GatewayServer}). */
    private static Message readerLimits(TransportSettings transport) {
        Message message = new MessageImpl();
        message.put(StaxUtils.MAX_ELEMENT_DEPTH, transport.maxElementDepth());
        message.put(StaxUtils.MAX_ELEMENT_COUNT, transport.maxElementCount());
        message.put(StaxUtils.MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, transport.maxMessageSize()));
        return message;
    }
}
