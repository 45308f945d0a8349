-- Every statement of SEED-SCHEMA.md's "Common Queries", "Control Operations", "Implementation
-- Examples" and "Status Updates" sections, as written. Only placeholders are filled in:
-- 'your-scan-id' -> 'my-scan-001', 'job-id' -> 'uuid-1', '%search_term%' -> '%website%',
-- 'scan-001' -> 'hubspot-scan-001', and the config's "{...}" -> "{}" (the seed's "{...}" is not JSON).
-- SeedStatementsIT runs each block by its name.

-- name: create_scan_job
INSERT INTO scan_jobs (
    id, scan_id, status, scan_type, config, organization_id, batch_size
) VALUES (
    'uuid-1', 'my-scan-001', 'pending', 'user_extraction', 
    '{"auth": {"token": "..."}, "filters": {}}', 
    'org-123', 100
);

-- name: insert_deals
INSERT INTO hubspot_deals (
    id, scan_job_id, deal_id, deal_name, amount, deal_stage, close_date, 
    pipeline, deal_type, hubspot_owner_id, hubspot_created_at, hubspot_updated_at,
    _extracted_at, _scan_id, _tenant_id
) VALUES 
(
    'uuid-3', 'uuid-1', '51', 'New Website Project', 1500.00, 'presentationscheduled', 
    '2024-02-15 00:00:00', 'default', 'newbusiness', 'owner-123', 
    '2024-01-15 10:30:00', '2024-01-20 14:22:00', CURRENT_TIMESTAMP, 
    'hubspot-scan-001', 'tenant-123'
),
(
    'uuid-4', 'uuid-1', '52', 'Enterprise Software License', 5000.00, 'qualifiedtobuy', 
    '2024-03-01 00:00:00', 'default', 'existingbusiness', 'owner-456', 
    '2024-01-10 09:15:00', '2024-01-18 16:45:00', CURRENT_TIMESTAMP, 
    'hubspot-scan-001', 'tenant-123'
);

-- name: batch_insert_with_raw_properties
INSERT INTO hubspot_deals (
    id, scan_job_id, deal_id, deal_name, amount, deal_stage, 
    raw_properties, _extracted_at, _scan_id, _tenant_id
) VALUES (
    'uuid-5', 'uuid-1', '53', 'Mobile App Development', 25000.00, 'contractsent',
    '{"dealname": "Mobile App Development", "amount": "25000", "dealstage": "contractsent", "custom_field_1": "value1"}',
    CURRENT_TIMESTAMP, 'hubspot-scan-001', 'tenant-123'
);

-- name: update_progress
UPDATE scan_jobs 
SET processed_items = processed_items + 3,
    updated_at = CURRENT_TIMESTAMP
WHERE id = 'uuid-1';

-- name: get_scan_job
SELECT id, scan_id, status, scan_type, total_items, processed_items 
FROM scan_jobs 
WHERE scan_id = 'my-scan-001';

-- name: get_active_scans
SELECT scan_id, status, started_at, scan_type 
FROM scan_jobs 
WHERE status IN ('running', 'pending') 
ORDER BY created_at DESC;

-- name: get_scan_progress
SELECT 
    scan_id,
    total_items,
    processed_items,
    CASE 
        WHEN total_items > 0 THEN ROUND((processed_items * 100.0 / total_items), 2)
        ELSE 0 
    END as progress_percentage
FROM scan_jobs 
WHERE scan_id = 'my-scan-001';

-- name: paginated_deals
SELECT id, deal_id, deal_name, amount, deal_stage, close_date, pipeline
FROM hubspot_deals 
WHERE scan_job_id = 'uuid-1'
ORDER BY close_date DESC 
LIMIT 100 OFFSET 0;

-- name: count_by_stage
SELECT deal_stage, COUNT(*) as count, SUM(amount) as total_amount
FROM hubspot_deals 
WHERE scan_job_id = 'uuid-1' AND archived = FALSE
GROUP BY deal_stage;

-- name: count_by_pipeline
SELECT pipeline, COUNT(*) as count, AVG(amount) as avg_amount
FROM hubspot_deals 
WHERE scan_job_id = 'uuid-1' AND archived = FALSE
GROUP BY pipeline;

-- name: search_by_name_or_description
SELECT deal_id, deal_name, amount, deal_stage 
FROM hubspot_deals 
WHERE scan_job_id = 'uuid-1' 
AND (deal_name ILIKE '%website%' OR description ILIKE '%website%');

-- name: deals_by_date_range
SELECT deal_id, deal_name, amount, close_date
FROM hubspot_deals 
WHERE scan_job_id = 'uuid-1' 
AND close_date BETWEEN '2024-01-01' AND '2024-12-31'
ORDER BY close_date;

-- name: deals_by_owner
SELECT hubspot_owner_id, COUNT(*) as deal_count, SUM(amount) as total_value
FROM hubspot_deals 
WHERE scan_job_id = 'uuid-1' AND archived = FALSE
GROUP BY hubspot_owner_id;

-- name: multi_tenant
SELECT deal_id, deal_name, amount, deal_stage
FROM hubspot_deals 
WHERE _tenant_id = 'tenant-123' 
AND _scan_id = 'hubspot-scan-001'
ORDER BY _extracted_at DESC;

-- name: get_status_info
SELECT scan_id, status, started_at, completed_at, error_message
FROM scan_jobs 
WHERE scan_id = 'my-scan-001';

-- name: cancel_scan
UPDATE scan_jobs 
SET status = 'cancelled', 
    completed_at = CURRENT_TIMESTAMP,
    error_message = 'Cancelled by user'
WHERE scan_id = 'my-scan-001' 
AND status IN ('pending', 'running');

-- name: start_scan
UPDATE scan_jobs 
SET status = 'running', 
    started_at = CURRENT_TIMESTAMP 
WHERE scan_id = 'my-scan-001';

-- name: complete_scan
UPDATE scan_jobs 
SET status = 'completed', 
    completed_at = CURRENT_TIMESTAMP,
    success_rate = CASE 
        WHEN total_items > 0 THEN ROUND(((total_items - failed_items) * 100.0 / total_items), 2)::TEXT || '%'
        ELSE '100%' 
    END
WHERE scan_id = 'my-scan-001';

-- name: archive_old_completed_scans
INSERT INTO scan_jobs_archive 
SELECT * FROM scan_jobs 
WHERE status = 'completed' 
AND completed_at < CURRENT_DATE - INTERVAL '90 days';

-- name: delete_old_completed_scans
DELETE FROM scan_jobs 
WHERE status = 'completed' 
AND completed_at < CURRENT_DATE - INTERVAL '90 days';
