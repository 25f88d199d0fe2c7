package nl.eindtoets.gateway.backoffice;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.ExportRow;

/**
 * Writes every participant of the current lists as JSON (an array of objects) or CSV (header + one line each),
 * row by row as the database cursor yields them: memory use does not grow with the export.
 */
public final class ParticipantExport {

    public enum Format {
        JSON("application/json"), CSV("text/csv; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public static Format parse(String text) {
            return text == null ? JSON : Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final DeliveryStore deliveries;

    public ParticipantExport(DeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    /** Writes the export to {@code out} (not closed); returns the number of participants. */
    public long write(String schooljaar, Format format, OutputStream out) throws IOException {
        return format == Format.JSON ? json(schooljaar, out) : csv(schooljaar, out);
    }

    private long json(String schooljaar, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            long n = deliveries.exportCurrent(schooljaar, row -> {
                g.writeStartObject();
                Object[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    if (v instanceof Integer number) {
                        g.writeNumberField(ExportRow.COLUMNS[i], number);
                    } else {
                        g.writeStringField(ExportRow.COLUMNS[i], v == null ? null : v.toString());
                    }
                }
                g.writeEndObject();
            });
            g.writeEndArray();
            g.flush();
            return n;
        }
    }

    private long csv(String schooljaar, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Csv.writeRecord(w, (Object[]) ExportRow.COLUMNS);
        long n = deliveries.exportCurrent(schooljaar, row -> Csv.writeRecord(w, row.values()));
        w.flush();
        return n;
    }
}
