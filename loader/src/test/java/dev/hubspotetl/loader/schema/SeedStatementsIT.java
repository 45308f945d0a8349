package dev.hubspotetl.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.hubspotetl.testsupport.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the statements of SEED-SCHEMA.md as written against the migrated schema and checks the
 * effect the document describes: counts, sums, progress, success_rate, cancel, retention.
 */
@IntegrationTest
class SeedStatementsIT {

    private static final SeedStatements SEED = SeedStatements.load();
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        jdbc = new JdbcTemplate(MigratedDatabase.create("seed_statements"));
    }

    @BeforeEach
    void createTheSeedsScanJobAndDeals() {
        jdbc.update("DELETE FROM scan_jobs");
        jdbc.update("DELETE FROM scan_jobs_archive");
        jdbc.update(SEED.sql("create_scan_job"));
        jdbc.update(SEED.sql("insert_deals"));
        jdbc.update(SEED.sql("batch_insert_with_raw_properties"));
    }

    @Test
    void shouldHoldEveryStatementOfTheFourSectionsAndTheRetentionExample() {
        assertThat(SEED.size()).isEqualTo(3 + 7 + 2 + 4 + 2 + 2);
    }

    @Test
    void shouldCreateAPendingScanJobWithTheSeedsDefaults() {
        assertThat(jdbc.queryForMap(SEED.sql("get_scan_job")))
                .containsEntry("id", "uuid-1").containsEntry("scan_id", "my-scan-001")
                .containsEntry("status", "pending").containsEntry("scan_type", "user_extraction")
                .containsEntry("total_items", 0).containsEntry("processed_items", 0);
        assertThat(jdbc.queryForMap("SELECT batch_size, failed_items, created_at, updated_at FROM scan_jobs"))
                .containsEntry("batch_size", 100).containsEntry("failed_items", 0)
                .extractingByKeys("created_at", "updated_at").doesNotContainNull();
        assertThat(jdbc.queryForList(SEED.sql("get_active_scans"))).extracting(r -> r.get("scan_id"))
                .containsExactly("my-scan-001");
    }

    @Test
    void shouldTrackProgressAsTheSeedComputesIt() {
        assertThat((BigDecimal) jdbc.queryForMap(SEED.sql("get_scan_progress")).get("progress_percentage"))
                .isEqualByComparingTo("0");

        jdbc.update(SEED.sql("update_progress"));
        jdbc.update("UPDATE scan_jobs SET total_items = 4 WHERE id = 'uuid-1'");

        Map<String, Object> progress = jdbc.queryForMap(SEED.sql("get_scan_progress"));
        assertThat(progress).containsEntry("processed_items", 3).containsEntry("total_items", 4);
        assertThat((BigDecimal) progress.get("progress_percentage")).isEqualByComparingTo("75.00");
    }

    @Test
    void shouldAnswerTheDealQueriesOfTheSeed() {
        assertThat(jdbc.queryForList(SEED.sql("paginated_deals"))).extracting(r -> r.get("deal_id"))
                .as("ORDER BY close_date DESC puts the deal without a close date first")
                .containsExactly("53", "52", "51");
        assertThat(jdbc.queryForList(SEED.sql("count_by_stage")))
                .extracting(r -> r.get("deal_stage"), r -> r.get("count"), r -> ((BigDecimal) r.get("total_amount")).toPlainString())
                .containsExactlyInAnyOrder(tuple("presentationscheduled", 1L, "1500.00"),
                        tuple("qualifiedtobuy", 1L, "5000.00"), tuple("contractsent", 1L, "25000.00"));
        assertThat(jdbc.queryForList(SEED.sql("count_by_pipeline")))
                .extracting(r -> r.get("pipeline"), r -> r.get("count"), r -> ((BigDecimal) r.get("avg_amount")).intValue())
                .containsExactlyInAnyOrder(tuple("default", 2L, 3250), tuple(null, 1L, 25000));
        assertThat(jdbc.queryForList(SEED.sql("search_by_name_or_description")))
                .extracting(r -> r.get("deal_name")).containsExactly("New Website Project");
        assertThat(jdbc.queryForList(SEED.sql("deals_by_date_range"))).extracting(r -> r.get("deal_id"))
                .containsExactly("51", "52");
        assertThat(jdbc.queryForList(SEED.sql("deals_by_owner")))
                .extracting(r -> r.get("hubspot_owner_id"), r -> r.get("deal_count"), r -> ((BigDecimal) r.get("total_value")).intValue())
                .containsExactlyInAnyOrder(tuple("owner-123", 1L, 1500), tuple("owner-456", 1L, 5000),
                        tuple(null, 1L, 25000));
        assertThat(jdbc.queryForList(SEED.sql("multi_tenant"))).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT raw_properties::jsonb ->> 'custom_field_1' FROM hubspot_deals WHERE id = 'uuid-5'",
                String.class)).isEqualTo("value1");
        assertThat(jdbc.queryForList("SELECT archived, num_associated_contacts FROM hubspot_deals"))
                .allSatisfy(r -> assertThat(r).containsEntry("archived", false).containsEntry("num_associated_contacts", 0));
    }

    @Test
    void shouldStartAndCompleteWithTheSeedsSuccessRate() {
        jdbc.update(SEED.sql("start_scan"));
        assertThat(jdbc.queryForMap(SEED.sql("get_status_info")))
                .containsEntry("status", "running").extractingByKey("started_at").isNotNull();

        jdbc.update("UPDATE scan_jobs SET total_items = 4, processed_items = 3, failed_items = 1");
        jdbc.update(SEED.sql("complete_scan"));

        assertThat(jdbc.queryForMap("SELECT status, success_rate, completed_at FROM scan_jobs"))
                .containsEntry("status", "completed").containsEntry("success_rate", "75.00%")
                .extractingByKey("completed_at").isNotNull();
        assertThat(jdbc.update(SEED.sql("cancel_scan"))).as("a completed scan cannot be cancelled").isZero();
    }

    @Test
    void shouldReportAHundredPercentForAScanWithoutItems() {
        jdbc.update(SEED.sql("complete_scan"));
        assertThat(jdbc.queryForObject("SELECT success_rate FROM scan_jobs", String.class)).isEqualTo("100%");
    }

    @Test
    void shouldCancelAPendingOrRunningScan() {
        jdbc.update(SEED.sql("start_scan"));
        assertThat(jdbc.update(SEED.sql("cancel_scan"))).isOne();
        assertThat(jdbc.queryForMap(SEED.sql("get_status_info")))
                .containsEntry("status", "cancelled").containsEntry("error_message", "Cancelled by user")
                .extractingByKey("completed_at").isNotNull();
        assertThat(jdbc.queryForList(SEED.sql("get_active_scans"))).isEmpty();
    }

    @Test
    void shouldArchiveAndDeleteCompletedScansOlderThanNinetyDaysWithTheirDeals() {
        jdbc.update(SEED.sql("complete_scan"));
        jdbc.update("UPDATE scan_jobs SET completed_at = CURRENT_DATE - INTERVAL '91 days'");

        assertThat(jdbc.update(SEED.sql("archive_old_completed_scans"))).isOne();
        assertThat(jdbc.update(SEED.sql("delete_old_completed_scans"))).isOne();

        assertThat(jdbc.queryForObject("SELECT scan_id FROM scan_jobs_archive", String.class)).isEqualTo("my-scan-001");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals", Integer.class)).isZero();
    }

    @Test
    void shouldKeepRecentCompletedScans() {
        jdbc.update(SEED.sql("complete_scan"));
        assertThat(jdbc.update(SEED.sql("archive_old_completed_scans"))).isZero();
        assertThat(jdbc.update(SEED.sql("delete_old_completed_scans"))).isZero();
    }

    @Test
    void shouldRejectAnUnknownStatus() {
        assertThatThrownBy(() -> jdbc.update("UPDATE scan_jobs SET status = 'paused'"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("check_valid_status");
    }

    @Test
    void shouldRejectNegativeCounts() {
        for (String column : List.of("total_items", "processed_items", "failed_items")) {
            assertThatThrownBy(() -> jdbc.update("UPDATE scan_jobs SET " + column + " = -1"))
                    .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("check_positive_counts");
        }
    }

    @Test
    void shouldRejectASecondRowForTheSameDealOfTheSameScanJob() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO hubspot_deals (id, scan_job_id, deal_id, _extracted_at, _scan_id)
                VALUES ('uuid-9', 'uuid-1', '51', CURRENT_TIMESTAMP, 'hubspot-scan-001')"""))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_hubspot_deals_scan_job_deal");
    }

    @Test
    void shouldDeleteADeletedScanJobsDeals() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals", Integer.class)).isEqualTo(3);
        jdbc.update("DELETE FROM scan_jobs WHERE id = 'uuid-1'");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hubspot_deals", Integer.class)).isZero();
    }

    @Test
    void shouldMoveUpdatedAtOnEveryUpdateOfEitherTable() {
        Timestamp past = Timestamp.valueOf("2000-01-01 00:00:00");
        jdbc.execute("ALTER TABLE scan_jobs DISABLE TRIGGER update_scan_jobs_updated_at");
        jdbc.execute("ALTER TABLE hubspot_deals DISABLE TRIGGER update_hubspot_deals_updated_at");
        jdbc.update("UPDATE scan_jobs SET updated_at = ?", past);
        jdbc.update("UPDATE hubspot_deals SET updated_at = ?", past);
        jdbc.execute("ALTER TABLE scan_jobs ENABLE TRIGGER update_scan_jobs_updated_at");
        jdbc.execute("ALTER TABLE hubspot_deals ENABLE TRIGGER update_hubspot_deals_updated_at");

        jdbc.update("UPDATE scan_jobs SET error_message = 'x', updated_at = ?", past);
        jdbc.update("UPDATE hubspot_deals SET deal_name = 'renamed' WHERE id = 'uuid-3'");

        assertThat(jdbc.queryForObject("SELECT updated_at > created_at - INTERVAL '1 second' FROM scan_jobs",
                Boolean.class)).as("the trigger overrides even an explicit updated_at").isTrue();
        assertThat(jdbc.queryForList("SELECT id, updated_at > ? AS moved FROM hubspot_deals ORDER BY id", past))
                .extracting(r -> r.get("id"), r -> r.get("moved"))
                .containsExactly(tuple("uuid-3", true), tuple("uuid-4", false), tuple("uuid-5", false));
    }
}
