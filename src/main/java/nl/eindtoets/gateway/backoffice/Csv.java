package nl.eindtoets.gateway.backoffice;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, read and written one record at a time. */
public final class Csv {

    private Csv() {
    }

    /**
     * Writes one record. A value that a spreadsheet would run as a formula (starting with =, + or @) gets a leading
     * apostrophe: exports are opened in spreadsheets by people.
     */
    public static void writeRecord(Writer out, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            if (values[i] != null) {
                out.write(quote(values[i].toString()));
            }
        }
        out.write("\r\n");
    }

    static String quote(String value) {
        String v = value;
        if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(';') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Reads records from a stream; the separator is a comma, or a semicolon when the header uses those. */
    public static final class RecordReader {
        private final Reader in;
        private char separator = ',';
        private int pushedBack = -2;
        private int line = 1;

        public RecordReader(Reader in) {
            this.in = in;
        }

        /** Reads the header and settles the separator from it. */
        public List<String> header() throws IOException {
            StringBuilder first = new StringBuilder();
            int c;
            while ((c = read()) != -1 && c != '\n') {
                first.append((char) c);
            }
            String text = first.toString().replace("\r", "");
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf(';') >= 0 && text.indexOf(',') < 0) {
                separator = ';';
            }
            List<String> names = new ArrayList<>();
            for (String n : text.split(String.valueOf(separator), -1)) {
                names.add(n.strip().replace("\"", ""));
            }
            line++;
            return names;
        }

        /** Line number where the next record starts. */
        public int line() {
            return line;
        }

        /** The next record, or null at the end; blank lines are skipped. */
        public List<String> next() throws IOException {
            while (true) {
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (c == '\r') {
                    continue;
                }
                if (c == '\n') {
                    line++;
                    continue;
                }
                unread(c);
                return record();
            }
        }

        private List<String> record() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                int c = read();
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("unterminated quoted value starting on line " + line);
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            unread(n);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == -1) {
                    fields.add(field.toString());
                    if (c == '\n') {
                        line++;
                    }
                    return fields;
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return in.read();
        }

        private void unread(int c) {
            pushedBack = c;
        }
    }
}
