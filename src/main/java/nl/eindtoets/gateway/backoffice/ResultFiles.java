package nl.eindtoets.gateway.backoffice;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import nl.eindtoets.gateway.leerresultaten.ResultRow;
import nl.eindtoets.gateway.leerresultaten.UnreadableFileException;

/**
 * Reads results files row by row. JSON: an array of objects (or {@code {"resultaten": [...]}}) with the members of
 * {@link ResultRow#FIELDS}. CSV: a header naming those fields (any order), comma or semicolon separated, UTF-8.
 * Unknown members or columns are refused so a misspelt field is not silently dropped.
 */
public final class ResultFiles {

    public enum Format {
        JSON, CSV;

        public static Format parse(String text) {
            return Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        /** CSV for {@code text/csv}, JSON otherwise. */
        public static Format ofContentType(String contentType) {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv") ? CSV : JSON;
        }
    }

    private static final Set<String> KNOWN = Set.of(ResultRow.FIELDS);

    private ResultFiles() {
    }

    public static Iterator<ResultRow> read(InputStream in, Format format) {
        return format == Format.CSV ? csv(new InputStreamReader(in, StandardCharsets.UTF_8)) : json(in);
    }

    static ResultRow row(int number, Map<String, String> values) {
        return new ResultRow(number, values.get("brincode"), values.get("dependancecode"), values.get("schooljaar"),
                values.get("leerlingid"), values.get("eckid"), values.get("toetscode"),
                values.get("toetsonderdeelcode"), values.get("afnamedatum"), values.get("score"),
                values.get("infourl"), values.get("referentieniveau"), values.get("toetsadvies"));
    }

    public static Iterator<ResultRow> json(InputStream in) {
        return new RowIterator() {
            private JsonParser parser;

            @Override
            ResultRow fetch() throws IOException {
                if (parser == null) {
                    parser = Json.MAPPER.getFactory().createParser(in);
                    JsonToken t = parser.nextToken();
                    if (t == JsonToken.START_OBJECT) {
                        if (parser.nextToken() != JsonToken.FIELD_NAME || !"resultaten".equals(parser.currentName())) {
                            throw new UnreadableFileException(0, "expected an array of results or {\"resultaten\": [...]}");
                        }
                        t = parser.nextToken();
                    }
                    if (t != JsonToken.START_ARRAY) {
                        throw new UnreadableFileException(0, "expected an array of results");
                    }
                }
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY || t == null) {
                    return null;
                }
                int number = count + 1;
                if (t != JsonToken.START_OBJECT) {
                    throw new UnreadableFileException(number, "each result must be a JSON object");
                }
                JsonNode node = parser.readValueAsTree();
                Map<String, String> values = new HashMap<>();
                List<String> unknown = new ArrayList<>();
                node.fieldNames().forEachRemaining(name -> {
                    if (!KNOWN.contains(name)) {
                        unknown.add(name);
                    } else if (!node.get(name).isNull()) {
                        values.put(name, node.get(name).asText());
                    }
                });
                if (!unknown.isEmpty()) {
                    throw new UnreadableFileException(number, "unknown member(s) " + String.join(", ", unknown)
                            + "; expected " + String.join(",", ResultRow.FIELDS));
                }
                return row(number, values);
            }
        };
    }

    public static Iterator<ResultRow> csv(Reader reader) {
        return new RowIterator() {
            private Csv.RecordReader records;
            private List<String> header;

            @Override
            ResultRow fetch() throws IOException {
                if (records == null) {
                    records = new Csv.RecordReader(reader);
                    header = records.header();
                    for (String h : header) {
                        if (!KNOWN.contains(h)) {
                            throw new UnreadableFileException(0, "unknown column '" + h + "'; expected "
                                    + String.join(",", ResultRow.FIELDS));
                        }
                    }
                }
                List<String> fields = records.next();
                if (fields == null) {
                    return null;
                }
                int number = count + 1;
                if (fields.size() != header.size()) {
                    throw new UnreadableFileException(number, "expected " + header.size() + " values, found "
                            + fields.size());
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), fields.get(i));
                }
                return row(number, values);
            }
        };
    }

    /** Turns a fetch-or-null reader into an iterator; reading errors become {@link UnreadableFileException}. */
    private abstract static class RowIterator implements Iterator<ResultRow> {
        int count;
        private ResultRow next;
        private boolean done;

        abstract ResultRow fetch() throws IOException;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = fetch();
                } catch (IOException e) {
                    throw new UnreadableFileException(count + 1, "unreadable: " + e.getMessage());
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public ResultRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ResultRow r = next;
            next = null;
            count++;
            return r;
        }
    }
}
