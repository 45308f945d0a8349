package dev.hubspotetl.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.testsupport.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Compares the migrated schema with SEED-SCHEMA.md, column by column and index by index. */
@IntegrationTest
class SeedSchemaIT {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        DataSource dataSource = MigratedDatabase.create("seed_schema");
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void shouldCreateScanJobsWithEveryColumnOfTheSeedThenTheLoadersAdditions() {
        assertThat(columnsOf("scan_jobs")).containsExactly(
                "id character varying(255) NOT NULL default=null",
                "scan_id character varying(255) NOT NULL default=null",
                "status character varying(50) NOT NULL default=null",
                "scan_type character varying(100) NOT NULL default=null",
                "config json NOT NULL default=null",
                "organization_id character varying(255) NULL default=null",
                "error_message text NULL default=null",
                "started_at timestamp without time zone NULL default=null",
                "completed_at timestamp without time zone NULL default=null",
                "total_items integer NULL default=0",
                "processed_items integer NULL default=0",
                "failed_items integer NULL default=0",
                "success_rate character varying(50) NULL default=null",
                "batch_size integer NULL default=50",
                "created_at timestamp without time zone NOT NULL default=CURRENT_TIMESTAMP",
                "updated_at timestamp without time zone NOT NULL default=CURRENT_TIMESTAMP",
                "extraction_completed_at timestamp without time zone NULL default=null");
    }

    @Test
    void shouldCreateHubspotDealsExactlyAsTheSeedsCreateTable() {
        assertThat(columnsOf("hubspot_deals")).containsExactly(
                "id character varying(255) NOT NULL default=null",
                "scan_job_id character varying(255) NOT NULL default=null",
                "deal_id character varying(255) NOT NULL default=null",
                "deal_name character varying(500) NULL default=null",
                "amount numeric(15,2) NULL default=null",
                "deal_stage character varying(100) NULL default=null",
                "close_date timestamp without time zone NULL default=null",
                "pipeline character varying(100) NULL default=null",
                "deal_type character varying(100) NULL default=null",
                "hubspot_owner_id character varying(255) NULL default=null",
                "deal_stage_probability numeric(3,2) NULL default=null",
                "description text NULL default=null",
                "analytics_source character varying(255) NULL default=null",
                "num_associated_contacts integer NULL default=0",
                "priority character varying(50) NULL default=null",
                "next_step character varying(500) NULL default=null",
                "forecast_amount numeric(15,2) NULL default=null",
                "forecast_probability numeric(3,2) NULL default=null",
                "hubspot_created_at timestamp without time zone NULL default=null",
                "hubspot_updated_at timestamp without time zone NULL default=null",
                "archived boolean NULL default=false",
                "raw_properties json NULL default=null",
                "_extracted_at timestamp without time zone NOT NULL default=null",
                "_scan_id character varying(255) NOT NULL default=null",
                "_tenant_id character varying(255) NULL default=null",
                "created_at timestamp without time zone NOT NULL default=CURRENT_TIMESTAMP",
                "updated_at timestamp without time zone NOT NULL default=CURRENT_TIMESTAMP");
    }

    @Test
    void shouldCreateTheFourSeedIndexesOfScanJobs() {
        assertThat(indexesOf("scan_jobs")).containsAllEntriesOf(Map.of(
                "idx_scan_status_created", "status, created_at",
                "idx_scan_id_status", "scan_id, status",
                "idx_scan_type_status", "scan_type, status",
                "idx_scan_org_status", "organization_id, status",
                "scan_jobs_pkey", "id",
                "scan_jobs_scan_id_key", "scan_id"));
    }

    @Test
    void shouldCreateTheThirteenSeedIndexesOfHubspotDealsPlusTheUpsertKey() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("idx_hubspot_deals_scan_job", "scan_job_id");
        expected.put("idx_hubspot_deals_deal_id", "deal_id");
        expected.put("idx_hubspot_deals_scan_id", "_scan_id");
        expected.put("idx_hubspot_deals_tenant", "_tenant_id");
        expected.put("idx_hubspot_deals_tenant_scan", "_tenant_id, _scan_id");
        expected.put("idx_hubspot_deals_stage", "deal_stage");
        expected.put("idx_hubspot_deals_close_date", "close_date");
        expected.put("idx_hubspot_deals_pipeline", "pipeline");
        expected.put("idx_hubspot_deals_owner", "hubspot_owner_id");
        expected.put("idx_hubspot_deals_extracted_at", "_extracted_at");
        expected.put("idx_hubspot_deals_archived", "archived");
        expected.put("idx_hubspot_deals_tenant_stage_date", "_tenant_id, deal_stage, close_date");
        expected.put("idx_hubspot_deals_pipeline_stage", "pipeline, deal_stage");
        expected.put("hubspot_deals_pkey", "id");
        expected.put("uq_hubspot_deals_scan_job_deal", "scan_job_id, deal_id");

        assertThat(indexesOf("hubspot_deals")).isEqualTo(expected);
    }

    @Test
    void shouldCheckStatusAndNonNegativeCountsAndCascadeDeletes() {
        assertThat(jdbc.queryForList("""
                SELECT constraint_name FROM information_schema.table_constraints
                WHERE table_name = 'scan_jobs' AND constraint_type = 'CHECK' AND constraint_name LIKE 'check_%'
                ORDER BY constraint_name""", String.class))
                .containsExactly("check_positive_counts", "check_valid_status");
        assertThat(jdbc.queryForMap("""
                SELECT kcu.column_name, ccu.table_name AS target_table, ccu.column_name AS target_column, rc.delete_rule
                FROM information_schema.referential_constraints rc
                JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
                JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name
                WHERE kcu.table_name = 'hubspot_deals'"""))
                .containsEntry("column_name", "scan_job_id")
                .containsEntry("target_table", "scan_jobs")
                .containsEntry("target_column", "id")
                .containsEntry("delete_rule", "CASCADE");
    }

    @Test
    void shouldKeepUpdatedAtCurrentWithABeforeUpdateTriggerOnBothTables() {
        assertThat(jdbc.queryForList("""
                SELECT event_object_table || ':' || trigger_name || ':' || action_timing || ' ' || event_manipulation
                       || ':' || action_statement
                FROM information_schema.triggers ORDER BY event_object_table""", String.class))
                .containsExactly(
                        "hubspot_deals:update_hubspot_deals_updated_at:BEFORE UPDATE:EXECUTE FUNCTION update_updated_at()",
                        "scan_jobs:update_scan_jobs_updated_at:BEFORE UPDATE:EXECUTE FUNCTION update_updated_at()");
    }

    @Test
    void shouldCreateTheRetentionArchiveWithTheColumnsOfScanJobs() {
        List<String> archive = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'scan_jobs_archive'
                ORDER BY ordinal_position""", String.class);
        List<String> jobs = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'scan_jobs'
                ORDER BY ordinal_position""", String.class);
        assertThat(archive).isEqualTo(jobs);
    }

    private static List<String> columnsOf(String table) {
        return jdbc.queryForList("""
                SELECT column_name || ' '
                    || CASE WHEN character_maximum_length IS NOT NULL
                              THEN data_type || '(' || character_maximum_length || ')'
                            WHEN data_type = 'numeric' THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')'
                            ELSE data_type END
                    || CASE WHEN is_nullable = 'YES' THEN ' NULL' ELSE ' NOT NULL' END
                    || ' default=' || COALESCE(column_default, 'null')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ?
                ORDER BY ordinal_position""", String.class, table);
    }

    private static Map<String, String> indexesOf(String table) {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?",
                rs -> {
                    String definition = rs.getString("indexdef");
                    assertThat(definition).contains("USING btree");
                    indexes.put(rs.getString("indexname"),
                            definition.substring(definition.indexOf('(') + 1, definition.lastIndexOf(')')));
                }, table);
        return indexes;
    }
}
