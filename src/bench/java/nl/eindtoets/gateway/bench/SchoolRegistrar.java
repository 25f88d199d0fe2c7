package nl.eindtoets.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the load schools with a gateway under test through its back office API ({@code POST /api/schools},
 * docs/backoffice.md), as a supplier registers its schools before the delivery window opens. The window spans the
 * school year and always includes today, so every delivery of the run lands inside it.
 */
final class SchoolRegistrar {

    static final String SCHOOLJAAR = "2026-2027";
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI schools;
    private final String token;

    SchoolRegistrar(int backOfficePort, String token) {
        this.schools = URI.create("http://127.0.0.1:" + backOfficePort + "/api/schools");
        this.token = token;
    }

    void registerAll(LoadSchools load) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(SCHOOL_ZONE);
        LocalDate opens = min(LocalDate.of(2026, 9, 1), today.minusDays(1));
        LocalDate closes = max(LocalDate.of(2027, 7, 31), today.plusDays(1));
        for (String brin : load.brins()) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("brincode", brin);
            body.put("schooljaar", SCHOOLJAAR);
            body.put("windowOpens", opens.toString());
            body.put("windowCloses", closes.toString());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(schools)
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the back office refused to register " + brin + ": HTTP "
                        + r.statusCode() + " " + r.body());
            }
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
