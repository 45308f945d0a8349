package dev.hubspotetl.schemas.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Earlier versions of a contract record, so that a reader built today still decodes records that
 * older producers wrote. Each version lives on the classpath in {@code avro/history/<Record>.avsc},
 * a single schema or a JSON array of schemas; every such resource on the classpath contributes.
 * When a schema changes, its released version is appended to that file in this module.
 */
public final class SchemaHistory {

    static final String LOCATION = "avro/history/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaHistory() {
    }

    /** Every earlier version of {@code current} found on the classpath, oldest first per file. */
    public static List<Schema> previousVersionsOf(Schema current) {
        String resource = LOCATION + current.getName() + ".avsc";
        List<Schema> versions = new ArrayList<>();
        try {
            ClassLoader loader = SchemaHistory.class.getClassLoader();
            for (URL url : Collections.list(loader.getResources(resource))) {
                versions.addAll(parse(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema history " + resource, e);
        }
        for (Schema version : versions) {
            if (!version.getFullName().equals(current.getFullName())) {
                throw new IllegalStateException("Schema history " + resource + " holds "
                        + version.getFullName() + ", expected " + current.getFullName());
            }
        }
        return List.copyOf(versions);
    }

    private static List<Schema> parse(URL url) throws IOException {
        JsonNode root;
        try (InputStream in = url.openStream()) {
            root = JSON.readTree(in);
        }
        List<Schema> schemas = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(node -> schemas.add(new Schema.Parser().parse(node.toString())));
        } else {
            schemas.add(new Schema.Parser().parse(root.toString()));
        }
        return schemas;
    }
}
