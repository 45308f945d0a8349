-- Bookkeeping of the loader's exactly-once design (DESIGN.md §5 allows these additions).

-- When the extractor reported its exact total. A scan completes only after this is set and
-- processed_items + failed_items has reached total_items.
ALTER TABLE scan_jobs ADD COLUMN extraction_completed_at TIMESTAMP;

-- The next offset to read of every partition the loader consumes, written in the same transaction
-- as the rows and counters that the records before it produced. On assignment a consumer seeks
-- here, so a redelivered record is never applied twice; a consumer that lost its partition cannot
-- commit over its successor (see OffsetStore).
CREATE TABLE loader_offsets (
    consumer_group VARCHAR(255) NOT NULL,
    topic VARCHAR(255) NOT NULL,
    partition_id INTEGER NOT NULL,
    next_offset BIGINT NOT NULL CHECK (next_offset >= 0),
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (consumer_group, topic, partition_id)
);

-- The seed's retention copies scan_jobs with SELECT *, so the archive keeps the same columns.
ALTER TABLE scan_jobs_archive ADD COLUMN extraction_completed_at TIMESTAMP;
