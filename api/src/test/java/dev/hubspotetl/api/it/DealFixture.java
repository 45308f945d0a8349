package dev.hubspotetl.api.it;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A hubspot_deals row as the loader would have written it. */
final class DealFixture {

    private final String scanId;
    private final String organizationId;
    private final String dealId;
    private String name;
    private String description;
    private BigDecimal amount;
    private String stage;
    private String pipeline;
    private String owner;
    private LocalDateTime closeDate;
    private Boolean archived = false;
    private String rawProperties;
    private LocalDateTime createdAt = ScanFixture.utcNow();

    private DealFixture(String scanId, String organizationId, String dealId) {
        this.scanId = scanId;
        this.organizationId = organizationId;
        this.dealId = dealId;
    }

    static DealFixture deal(String scanId, String organizationId, String dealId) {
        return new DealFixture(scanId, organizationId, dealId);
    }

    DealFixture name(String value) {
        name = value;
        return this;
    }

    DealFixture description(String value) {
        description = value;
        return this;
    }

    DealFixture amount(String value) {
        amount = value == null ? null : new BigDecimal(value);
        return this;
    }

    DealFixture stage(String value) {
        stage = value;
        return this;
    }

    DealFixture pipeline(String value) {
        pipeline = value;
        return this;
    }

    DealFixture owner(String value) {
        owner = value;
        return this;
    }

    /** e.g. "2024-02-15T00:00" */
    DealFixture close(String value) {
        closeDate = value == null ? null : LocalDateTime.parse(value);
        return this;
    }

    DealFixture archived(Boolean value) {
        archived = value;
        return this;
    }

    DealFixture raw(String json) {
        rawProperties = json;
        return this;
    }

    DealFixture createdAt(LocalDateTime value) {
        createdAt = value;
        return this;
    }

    void insert(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO hubspot_deals (id, scan_job_id, deal_id, deal_name, amount, deal_stage, close_date, pipeline,
                    hubspot_owner_id, description, archived, raw_properties, _extracted_at, _scan_id, _tenant_id,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), ScanJobRepository.jobId(scanId), dealId, name, amount, stage, closeDate,
                pipeline, owner, description, archived, rawProperties, createdAt, scanId, organizationId, createdAt,
                createdAt);
    }
}
