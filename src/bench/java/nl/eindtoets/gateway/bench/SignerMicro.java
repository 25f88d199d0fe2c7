package nl.eindtoets.gateway.bench;

import static nl.eindtoets.gateway.bench.MicroTiming.cpu;
import static nl.eindtoets.gateway.bench.MicroTiming.median;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.eindtoets.gateway.config.GatewayConfig;
import nl.eindtoets.gateway.request.VerifiedSignature;
import nl.eindtoets.gateway.security.CryptoProviders;
import nl.eindtoets.gateway.security.GatewayKey;
import nl.eindtoets.gateway.security.LeanResponseSigner;
import nl.eindtoets.gateway.security.ResponseSigner;
import nl.eindtoets.gateway.security.SecuritySettings;
import nl.eindtoets.gateway.xml.SecureXml;
import org.w3c.dom.Document;

/**
 * The two answer signers side by side in one JVM, on one thread: CPU time per signed receipt (the answer to a
 * BrengDeelnemers, the same size whatever the list) for the lean signer, for WSS4J's, and for the RSA signature
 * alone. Rounds alternate between the signers; the median round is reported. Argument: the crypto.provider value
 * ({@code accp} or {@code jdk}; default {@code auto}).
 */
public final class SignerMicro {

    private static final int ROUNDS = 9;
    private static final int PER_ROUND = 2000;

    private SignerMicro() {
    }

    public static void main(String[] args) throws Exception {
        CryptoProviders.Installed provider = CryptoProviders.install(
                CryptoProviders.Choice.parse(args.length > 0 ? args[0] : "auto"));
        SecuritySettings settings = SecuritySettings.from(GatewayConfig.defaults(Map.of()));
        GatewayKey key = new GatewayKey(settings);
        LeanResponseSigner lean = new LeanResponseSigner(settings, key, Clock.systemUTC());
        ResponseSigner wss4j = new ResponseSigner(settings, key);
        byte[] value = new byte[256];
        new SecureRandom().nextBytes(value);
        VerifiedSignature request = new VerifiedSignature(null, Base64.getEncoder().encodeToString(value),
                Instant.now(), null);
        byte[] signedInfo = new byte[1900];

        List<Double> leanMs = new ArrayList<>();
        List<Double> wss4jMs = new ArrayList<>();
        List<Double> rsaMs = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 2; round++) {
            Document[] docs = answers();
            long t0 = cpu();
            for (Document d : docs) {
                lean.sign(d, request);
            }
            long t1 = cpu();
            docs = answers();
            long t2 = cpu();
            for (Document d : docs) {
                wss4j.sign(d, request);
            }
            long t3 = cpu();
            for (int i = 0; i < PER_ROUND; i++) {
                Signature rsa = Signature.getInstance(CryptoProviders.SIGNATURE_ALGORITHM);
                rsa.initSign(key.signingKey().privateKey());
                rsa.update(signedInfo);
                rsa.sign();
            }
            long t4 = cpu();
            if (round >= 2) { // the first two rounds warm the JIT up
                leanMs.add((t1 - t0) / 1e6 / PER_ROUND);
                wss4jMs.add((t3 - t2) / 1e6 / PER_ROUND);
                rsaMs.add((t4 - t3) / 1e6 / PER_ROUND);
            }
        }
        System.out.println("signer micro (" + provider.summary() + "), CPU ms per answer, median of " + ROUNDS
                + " rounds of " + PER_ROUND + ":");
        System.out.printf("  lean %.3f, wss4j %.3f, RSA signature alone %.3f%n", median(leanMs), median(wss4jMs),
                median(rsaMs));
    }

    private static Document[] answers() throws Exception {
        Document[] docs = new Document[PER_ROUND];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = SecureXml.parse(answer().getBytes(StandardCharsets.UTF_8));
        }
        return docs;
    }

    /** A receipt as CXF writes it into the DOM, WS-Addressing headers in the default namespace. */
    private static String answer() {
        String wsa = "http://www.w3.org/2005/08/addressing";
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<Action xmlns=\"" + wsa + "\">urn:eindtoets-gateway:1:BrengDeelnemersResponse</Action>"
                + "<MessageID xmlns=\"" + wsa + "\">urn:uuid:" + UUID.randomUUID() + "</MessageID>"
                + "<To xmlns=\"" + wsa + "\">http://www.w3.org/2005/08/addressing/anonymous</To>"
                + "<RelatesTo xmlns=\"" + wsa + "\">urn:uuid:" + UUID.randomUUID() + "</RelatesTo></soap:Header>"
                + "<soap:Body><ns2:deelnemers_ontvangst xmlns=\"http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens\""
                + " xmlns:ns2=\"urn:eindtoets-gateway:1\"><ns2:ontvangstid>" + UUID.randomUUID() + "</ns2:ontvangstid>"
                + "<ns2:aantal_deelnemers>30</ns2:aantal_deelnemers><ns2:ontvangen_op>2026-12-07T10:15:30Z</ns2:ontvangen_op>"
                + "</ns2:deelnemers_ontvangst></soap:Body></soap:Envelope>";
    }
}
