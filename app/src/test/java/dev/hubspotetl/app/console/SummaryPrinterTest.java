package dev.hubspotetl.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.app.scan.ScanState;
import dev.hubspotetl.app.scan.StageTotal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {

    @Test
    void shouldReportCountsSpeedStagesAndWhereToGoNext() {
        ScanState scan = new ScanState("job-1", "completed", 1_900, 1_898, 2, true, Optional.of("99.89%"),
                Optional.empty(), Optional.empty(), Optional.empty());
        Summary summary = new Summary("demo-1", scan, Duration.ofSeconds(4), List.of(
                new StageTotal(Optional.of("closedwon"), 1_000, Optional.of(new BigDecimal("1234567.5"))),
                new StageTotal(Optional.empty(), 898, Optional.empty())),
                "http://localhost:8080", "demo-key", Path.of("/data"), "PostgreSQL x, Kafka y", Path.of("/data/logs/l.log"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        new SummaryPrinter(new PrintStream(buffer, true, StandardCharsets.UTF_8)).print(summary);

        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("Scan demo-1 completed")
                .contains("deals loaded   1,898")
                .contains("deals failed   2")
                .contains("extracted      1,900   (success rate 99.89%)")
                .contains("duration       4.0 s")
                .contains("throughput     475 deals/s")
                .containsPattern("closedwon +1,000 +1,234,567.50")
                .containsPattern("\\(none\\) +898 +-")
                .containsPattern("all stages +1,898 +1,234,567.50")
                .contains("API            http://localhost:8080  (header X-API-Key: demo-key)")
                .contains("curl -H 'X-API-Key: demo-key' 'http://localhost:8080/api/v1/scans/demo-1/deals/summary?groupBy=stage'")
                .contains("data           /data  (PostgreSQL x, Kafka y)");
    }
}
