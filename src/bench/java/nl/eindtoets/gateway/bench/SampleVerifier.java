package nl.eindtoets.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.ResponseVerificationException;
import nl.eindtoets.gateway.client.ResponseVerifier;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.xml.SecureXml;
import org.xml.sax.SAXException;

/**
 * Checks sampled answers outside the timed path with the client's {@link ResponseVerifier}: signed by the gateway key
 * over Body, Timestamp, Action, MessageID, RelatesTo and SignatureConfirmation; the confirmation echoes the request's
 * SignatureValue; RelatesTo is the request's MessageID; and the receipt counts every pupil.
 */
final class SampleVerifier {

    record Verdict(int verified, List<String> failures) {
    }

    private final ResponseVerifier verifier;

    SampleVerifier(ResponseVerifier verifier) {
        this.verifier = verifier;
    }

    Verdict verify(List<LoadPhase.Sample> samples, int pupils) {
        int ok = 0;
        List<String> failures = new ArrayList<>();
        for (LoadPhase.Sample s : samples) {
            String problem = check(s, pupils);
            if (problem == null) {
                ok++;
            } else {
                failures.add(problem);
            }
        }
        return new Verdict(ok, failures);
    }

    String check(LoadPhase.Sample s, int pupils) {
        try {
            GatewayResponse r = verifier.verify(SecureXml.parse(s.body()), s.request().signatureValue(),
                    s.request().messageId(), Operation.BRENG_DEELNEMERS.responseAction());
            if (r instanceof SoapFaultInfo f) {
                return "fault " + f.faultCodeDisplay() + ": " + f.faultString();
            }
            VerifiedResponse v = (VerifiedResponse) r;
            String count = v.payload().getElementsByTagNameNS("urn:eindtoets-gateway:1", "aantal_deelnemers")
                    .item(0).getTextContent().strip();
            return count.equals(String.valueOf(pupils)) ? null : "receipt counts " + count + " pupils, sent " + pupils;
        } catch (ResponseVerificationException | SAXException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
