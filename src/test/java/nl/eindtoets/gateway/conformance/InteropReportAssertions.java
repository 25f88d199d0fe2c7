package nl.eindtoets.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.client.Namespaces;

/** What every interop client's report must say, whatever stack made it ({@link InteropClientRun}). */
final class InteropReportAssertions {

    private InteropReportAssertions() {
    }

    /** Accepted (HTTP 200, no fault) with {@code answerElement}, and the client verified the gateway's signed answer. */
    static void assertAcceptedAndVerified(JsonNode report, String answerElement) {
        assertThat(report.path("http_status").asInt()).as(report.toString()).isEqualTo(200);
        assertThat(report.path("fault").isNull()).as(report.toString()).isTrue();
        assertThat(report.path("answer_element").asText()).isEqualTo(answerElement);

        assertThat(report.path("verified").asBoolean()).as(report.path("verification_error").asText()).isTrue();
        assertThat(texts(report.path("covered"))).containsExactlyInAnyOrder("soap:Body", "wsu:Timestamp",
                "wsse11:SignatureConfirmation", "wsa:To", "wsa:Action", "wsa:MessageID", "wsa:RelatesTo");
        assertThat(texts(report.path("checks"))).contains(
                "7 reference digests match",
                "SignatureValue verifies (RSA-SHA256, exclusive c14n of SignedInfo)",
                "signer OIN is 00000099000000002000",
                "Timestamp is fresh",
                "SignatureConfirmation Value equals the request SignatureValue",
                "wsa:RelatesTo equals the request MessageID");
        assertThat(texts(report.path("checks"))).anySatisfy(check -> assertThat(check)
                .startsWith("signer chains to the dev root:")
                .endsWith("CN=DEV Private Root CA - G1,O=Dev Staat der Nederlanden,C=NL"));
    }

    /** Refused as a WS-Security fault of {@code code} (0002, with a correlatieid), and that fault is not signed. */
    static void assertRefusedUnsigned(JsonNode report, String code) {
        assertThat(report.path("http_status").asInt()).as(report.toString()).isEqualTo(500);
        JsonNode fault = report.path("fault");
        assertThat(fault.path("namespace").asText()).as(report.toString()).isEqualTo(Namespaces.WSSE);
        assertThat(fault.path("code").asText()).isEqualTo(code);
        assertThat(fault.path("digikoppelingcode").asText()).isEqualTo("0002");
        assertThat(fault.path("correlatieid").asText()).isNotEmpty();
        assertThat(report.path("verification_error").asText()).as("WS-Security faults are not signed")
                .isEqualTo("answer is not signed");
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
