package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCeilingTest {

    @Test
    void shouldCutTheExportAtRowEndsOnlyOutsideQuotes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "1,\"a\nb\"\n2,\"say \"\"hi\"\"\n\"\n3,x\n4,\n5,\"\"\n", StandardCharsets.UTF_8);
        DatabaseCeiling.Export export = DatabaseCeiling.cut(csv, 2);
        assertThat(export.rows()).isEqualTo(5);
        assertThat(export.chunks()).hasSize(3);
        byte[] bytes = Files.readAllBytes(csv);
        String first = new String(bytes, (int) export.chunks().get(0)[0],
                (int) (export.chunks().get(0)[1] - export.chunks().get(0)[0]), StandardCharsets.UTF_8);
        assertThat(first).isEqualTo("1,\"a\nb\"\n2,\"say \"\"hi\"\"\n\"\n");
        assertThat(export.chunks().get(2)[1]).isEqualTo(bytes.length);
    }

    @Test
    void shouldUpdateEveryColumnButTheKeys() {
        String sets = DatabaseCeiling.updateAllButKeys();
        assertThat(sets).startsWith("deal_name = EXCLUDED.deal_name").contains("_tenant_id = EXCLUDED._tenant_id")
                .doesNotContain("scan_job_id =").doesNotContain(" id =").doesNotContain("deal_id =");
    }
}
