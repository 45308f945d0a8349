package dev.hubspotetl.api.deals;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 records; null and empty fields are both written as nothing. */
final class CsvLines {

    private CsvLines() {
    }

    static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields.get(i);
            if (field != null) {
                writeField(out, field);
            }
        }
        out.write("\r\n");
    }

    private static void writeField(Writer out, String field) throws IOException {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(field);
            return;
        }
        out.write('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }
}
