package nl.eindtoets.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.request.Oin;

/**
 * The mandates file of a gateway under test (format: docs/mandate.md): the load-generating LAS holds an open-ended
 * mandate for every load school, so each connection's school passes the mandate check as 99AA does in development.
 */
final class BenchMandates {

    private BenchMandates() {
    }

    /** Writes the file and returns it; the mandates hold from a year before today, open-ended. */
    static Path write(Path file, Oin supplier, LoadSchools schools, String serviceNamespace) throws IOException {
        String start = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).minusYears(1).toString();
        List<Map<String, Object>> mandates = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("supplier_oin", supplier.value());
            m.put("school_oin", schools.oin(i).value());
            m.put("service_version_namespace", serviceNamespace);
            m.put("start_date", start);
            m.put("end_date", null);
            m.put("note", "benchmark load school " + schools.brin(i));
            mandates.add(m);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), Map.of("mandates", mandates));
        return file;
    }
}
