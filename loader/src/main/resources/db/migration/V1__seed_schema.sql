-- The user's schema document (SEED-SCHEMA.md), table for table, index for index.
-- Additions are marked "addition"; nothing of the seed is left out or changed.

CREATE TABLE scan_jobs (
    id VARCHAR(255) PRIMARY KEY,
    scan_id VARCHAR(255) NOT NULL UNIQUE,
    status VARCHAR(50) NOT NULL,
    scan_type VARCHAR(100) NOT NULL,
    config JSON NOT NULL,
    organization_id VARCHAR(255),
    error_message TEXT,
    started_at TIMESTAMP,
    completed_at TIMESTAMP,
    total_items INTEGER DEFAULT 0,
    processed_items INTEGER DEFAULT 0,
    failed_items INTEGER DEFAULT 0,
    success_rate VARCHAR(50),
    batch_size INTEGER DEFAULT 50,
    -- The seed's own INSERT names neither timestamp, so both default to the insert time.
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_scan_status_created ON scan_jobs(status, created_at);
CREATE INDEX idx_scan_id_status ON scan_jobs(scan_id, status);
CREATE INDEX idx_scan_type_status ON scan_jobs(scan_type, status);
CREATE INDEX idx_scan_org_status ON scan_jobs(organization_id, status);

ALTER TABLE scan_jobs ADD CONSTRAINT check_valid_status
CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled'));

ALTER TABLE scan_jobs ADD CONSTRAINT check_positive_counts
CHECK (total_items >= 0 AND processed_items >= 0 AND failed_items >= 0);

CREATE TABLE hubspot_deals (
    id VARCHAR(255) PRIMARY KEY,
    scan_job_id VARCHAR(255) NOT NULL REFERENCES scan_jobs(id) ON DELETE CASCADE,
    deal_id VARCHAR(255) NOT NULL,
    deal_name VARCHAR(500),
    amount DECIMAL(15,2),
    deal_stage VARCHAR(100),
    close_date TIMESTAMP,
    pipeline VARCHAR(100),
    deal_type VARCHAR(100),
    hubspot_owner_id VARCHAR(255),
    deal_stage_probability DECIMAL(3,2),
    description TEXT,
    analytics_source VARCHAR(255),
    num_associated_contacts INTEGER DEFAULT 0,
    priority VARCHAR(50),
    next_step VARCHAR(500),
    forecast_amount DECIMAL(15,2),
    forecast_probability DECIMAL(3,2),
    hubspot_created_at TIMESTAMP,
    hubspot_updated_at TIMESTAMP,
    archived BOOLEAN DEFAULT FALSE,
    raw_properties JSON,
    _extracted_at TIMESTAMP NOT NULL,
    _scan_id VARCHAR(255) NOT NULL,
    _tenant_id VARCHAR(255),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Addition: one row per deal and scan job, the key of idempotent upserts.
ALTER TABLE hubspot_deals ADD CONSTRAINT uq_hubspot_deals_scan_job_deal UNIQUE (scan_job_id, deal_id);

-- Basic performance indexes
CREATE INDEX idx_hubspot_deals_scan_job ON hubspot_deals(scan_job_id);
CREATE INDEX idx_hubspot_deals_deal_id ON hubspot_deals(deal_id);
CREATE INDEX idx_hubspot_deals_scan_id ON hubspot_deals(_scan_id);

-- Multi-tenant support
CREATE INDEX idx_hubspot_deals_tenant ON hubspot_deals(_tenant_id);
CREATE INDEX idx_hubspot_deals_tenant_scan ON hubspot_deals(_tenant_id, _scan_id);

-- Business logic indexes
CREATE INDEX idx_hubspot_deals_stage ON hubspot_deals(deal_stage);
CREATE INDEX idx_hubspot_deals_close_date ON hubspot_deals(close_date);
CREATE INDEX idx_hubspot_deals_pipeline ON hubspot_deals(pipeline);
CREATE INDEX idx_hubspot_deals_owner ON hubspot_deals(hubspot_owner_id);

-- ETL metadata indexes
CREATE INDEX idx_hubspot_deals_extracted_at ON hubspot_deals(_extracted_at);
CREATE INDEX idx_hubspot_deals_archived ON hubspot_deals(archived);

-- Composite indexes for common queries
CREATE INDEX idx_hubspot_deals_tenant_stage_date ON hubspot_deals(_tenant_id, deal_stage, close_date);
CREATE INDEX idx_hubspot_deals_pipeline_stage ON hubspot_deals(pipeline, deal_stage);

-- Auto-update timestamps
CREATE OR REPLACE FUNCTION update_updated_at()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ language 'plpgsql';

CREATE TRIGGER update_scan_jobs_updated_at
    BEFORE UPDATE ON scan_jobs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at();

-- The seed shows the trigger for scan_jobs; hubspot_deals has the same updated_at column and gets the same.
CREATE TRIGGER update_hubspot_deals_updated_at
    BEFORE UPDATE ON hubspot_deals
    FOR EACH ROW EXECUTE FUNCTION update_updated_at();

-- Data retention: the archive table exactly as the seed creates it.
CREATE TABLE scan_jobs_archive AS SELECT * FROM scan_jobs WHERE FALSE;
