package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With EINDTOETS_LOG_FORMAT=json the refusal of a request is one JSON line carrying the fault's correlation id. */
class JsonLogTest {

    @TempDir
    Path dir;

    @Test
    void jsonLineOfARefusedRequestCarriesTheCorrelationIdOfTheFaultDetail() throws Exception {
        Map<String, String> settings = Map.of("db.url", "jdbc:h2:mem:jsonlog;DB_CLOSE_DELAY=-1");
        try (GatewayProcess gateway = new GatewayProcess(dir, settings, Map.of("EINDTOETS_LOG_FORMAT", "json"))) {
            gateway.start();
            GatewayResponse refused = Node.client(gateway.baseUrl, Path.of("certs-dev", "las-b.p12"),
                    Path.of("certs-dev", "truststore.p12")).send(Operation.HAAL_LEERRESULTATEN,
                    Oin.ofSchool("99AA"), Samples.body("leerresultaten-99AA"));
            String correlationId = ((SoapFaultInfo) refused).correlationId();
            Thread.sleep(300);

            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = Files.readAllLines(gateway.log).stream().filter(l -> l.contains(correlationId))
                    .map(l -> {
                        try {
                            return json.readTree(l);
                        } catch (Exception e) {
                            throw new AssertionError("not a JSON line: " + l, e);
                        }
                    }).toList();
            JsonNode refusal = lines.stream()
                    .filter(n -> n.path("loggerName").asText().endsWith("FaultRenderingInterceptor"))
                    .findFirst().orElseThrow(() -> new AssertionError("no refusal line with " + correlationId));

            assertThat(((SoapFaultInfo) refused).faultCode().getLocalPart()).isEqualTo("Client.AutorisatieOngeldig");
            assertThat(refusal.path("level").asText()).isEqualTo("WARN");
            assertThat(refusal.path("mdc").path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(refusal.path("formattedMessage").asText()).contains("code=Client.AutorisatieOngeldig");
        }
    }
}
