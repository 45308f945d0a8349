package dev.hubspotetl.loader.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes the number of scans in each status ({@code etl.scans{status=...}}), refreshed on a schedule. */
@Component
class ScanStatusMetrics {

    private static final List<String> STATUSES = List.of("pending", "running", "completed", "failed", "cancelled");

    private final JdbcTemplate jdbc;
    private final MultiGauge gauge;

    ScanStatusMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.gauge = MultiGauge.builder("etl.scans").description("Scans by status").register(meters);
    }

    @Scheduled(fixedDelayString = "${etl.loader.metrics-refresh}")
    void refresh() {
        Map<String, Long> counts = jdbc.query("SELECT status, count(*) FROM scan_jobs GROUP BY status",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        gauge.register(STATUSES.stream()
                .map(status -> MultiGauge.Row.of(Tags.of("status", status), counts.getOrDefault(status, 0L)))
                .toList(), true);
    }
}
