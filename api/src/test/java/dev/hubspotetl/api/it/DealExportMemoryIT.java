package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.KEY_EXPORT;
import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_EXPORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports 50,000 deals of about 1.3 KB each (some 65 MB of output) and measures the heap in the middle
 * of the stream: if the rows were materialized anywhere (pgjdbc without a cursor, a list, a buffered
 * response), the heap would hold tens of megabytes more than before the export began.
 */
class DealExportMemoryIT extends ApiIntegrationTest {

    private static final String SCAN = "export-big";
    private static final int ROWS = 50_000;
    private static final long MAX_GROWTH = 24L * 1024 * 1024;

    @BeforeAll
    static void fiftyThousandDeals() {
        JdbcTemplate db = new JdbcTemplate(ApiTestEnvironment.get().dataSource);
        ScanFixture.scan(SCAN, ORG_EXPORT).status("completed").counts(ROWS, ROWS, 0).insert(db);
        db.update("""
                INSERT INTO hubspot_deals (id, scan_job_id, deal_id, deal_name, amount, deal_stage, close_date, pipeline,
                    hubspot_owner_id, description, archived, raw_properties, _extracted_at, _scan_id, _tenant_id)
                SELECT 'export-' || i, ?, 'deal-' || i, 'Deal number ' || i, i * 1.5, 'stage-' || (i % 7),
                       TIMESTAMP '2024-01-01' + i * INTERVAL '1 minute', 'default', 'owner-' || (i % 13),
                       repeat(md5(i::text), 25), FALSE,
                       json_build_object('dealname', 'Deal number ' || i, 'note', repeat(md5((i + 1)::text), 6)),
                       TIMESTAMP '2024-06-01', ?, ?
                FROM generate_series(1, ?) AS i""", ScanJobRepository.jobId(SCAN), SCAN, ORG_EXPORT, ROWS);
    }

    @Test
    void shouldStreamNdjsonInConstantMemory() throws IOException {
        Measured measured = export("ndjson");

        assertThat(measured.lines()).isEqualTo(ROWS);
        assertConstantMemory(measured);
    }

    @Test
    void shouldStreamCsvInConstantMemory() throws IOException {
        Measured measured = export("csv");

        assertThat(measured.lines()).isEqualTo(ROWS + 1);
        assertConstantMemory(measured);
    }

    private static void assertConstantMemory(Measured measured) {
        System.out.printf("export: %,d bytes streamed, heap before %,d, mid-stream %,d (growth %,d)%n",
                measured.bytes(), measured.heapBefore(), measured.heapMidStream(), measured.growth());
        // The assertion only means something if the export is much bigger than the allowed growth.
        assertThat(measured.bytes()).isGreaterThan(2 * MAX_GROWTH);
        assertThat(measured.growth()).isLessThan(MAX_GROWTH);
    }

    private record Measured(long lines, long bytes, long heapBefore, long heapMidStream) {

        long growth() {
            return heapMidStream - heapBefore;
        }
    }

    private Measured export(String format) throws IOException {
        long before = usedHeapAfterGc();
        HttpResponse<InputStream> response = api.stream(KEY_EXPORT, "/api/v1/scans/" + SCAN
                + "/deals/export?format=" + format);
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        long bytes = 0;
        long midStream = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.length() + 1;
                if (lines == ROWS / 2) {
                    // Half-way: the server holds an open cursor and is blocked writing the rest.
                    midStream = usedHeapAfterGc();
                }
            }
        }
        return new Measured(lines, bytes, before, midStream);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
