package dev.hubspotetl.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The loader alone: a {@link StageMain} process with a {@value AloneProcess#HEAP} heap loads the scan's deals again,
 * from the topic the pipeline wrote, into a copy of the database as the pipeline found it (the rows
 * it loads removed, their scans' counters at zero, the loader's stored offsets at the first of them,
 * see {@link #prepare}). Nothing
 * else runs meanwhile, as for the ceiling, so the two compare. The loader is a long-running service:
 * when the bench warmed the pipeline up, the process first loads the warm-up scan's deals again
 * (their rows removed too), unmeasured, and meets the timed deals only once its JIT has compiled the
 * hot code (see {@link WarmUpGate}), as a loader that has been up for a while would; its rate is then
 * taken from its first committed batch of the timed scan to that scan's completion. Without a warm-up
 * scan, the rate is taken once a quarter of the deals is in. The peak heap is the process's own, from
 * its start.
 */
final class LoaderAlone {

    private static final long POLL_MILLIS = 100;
    private static final long STALL_MILLIS = 120_000;
    /** Without a warm-up scan, the share of the deals loaded before the rate is timed. */
    static final double WARM_UP_SHARE = 0.25;

    private LoaderAlone() {
    }

    /** Where the scan's deals start in the deals topic, as the loader stores it in {@code loader_offsets}. */
    record Start(String group, String topic, Map<Integer, Long> offsets) {
    }

    /**
     * What the loader alone loads: the warm-up scan's deals, if there was one, then the timed scan's.
     *
     * @param jobId       the timed scan's row id
     * @param warmUpJobId the warm-up scan's row id
     * @param start       where the first of these scans starts in the deals topic
     */
    record Deals(String jobId, Optional<String> warmUpJobId, Start start) {

        /** Every scan whose rows the loader writes again, the timed one last. */
        List<String> jobIds() {
            List<String> ids = new ArrayList<>();
            warmUpJobId.ifPresent(ids::add);
            ids.add(jobId);
            return ids;
        }
    }

    /**
     * Makes {@code url}'s database (a copy of the pipeline's without the rows of {@code deals}' scans) what
     * the pipeline found at the first scan's start: the scans' counters at zero, the loader's offsets at
     * the first scan's first deal.
     */
    static void prepare(String url, String user, String password, Deals deals) throws SQLException {
        Start start = deals.start();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement reset = connection.prepareStatement("UPDATE scan_jobs SET status = 'running', "
                    + "processed_items = 0, failed_items = 0, completed_at = NULL WHERE id = ?");
                 PreparedStatement forget = connection.prepareStatement(
                         "DELETE FROM loader_offsets WHERE consumer_group = ? AND topic = ?");
                 PreparedStatement seek = connection.prepareStatement("INSERT INTO loader_offsets "
                         + "(consumer_group, topic, partition_id, next_offset) VALUES (?, ?, ?, ?)")) {
                for (String jobId : deals.jobIds()) {
                    reset.setString(1, jobId);
                    if (reset.executeUpdate() != 1) {
                        throw new SQLException("No scan job " + jobId + " in the copy");
                    }
                }
                forget.setString(1, start.group());
                forget.setString(2, start.topic());
                forget.executeUpdate();
                for (Map.Entry<Integer, Long> offset : start.offsets().entrySet()) {
                    seek.setString(1, start.group());
                    seek.setString(2, start.topic());
                    seek.setInt(3, offset.getKey());
                    seek.setLong(4, offset.getValue());
                    seek.addBatch();
                }
                seek.executeBatch();
            }
            connection.commit();
        }
    }

    /**
     * Starts {@code command} (a loader {@link StageMain} process), waits until the timed scan is
     * completed in {@code url}'s database, stops the process and reads its peak heap from
     * {@code heapReport}. After a warm-up scan, the timed deals wait behind a {@link WarmUpGate}.
     */
    static StageResult run(List<String> command, Path log, Path heapReport, String url, String user, String password,
                           Deals deals) throws IOException, InterruptedException, SQLException {
        String jobId = deals.jobId();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement progress = connection.prepareStatement(
                     "SELECT status, processed_items + failed_items, total_items FROM scan_jobs WHERE id = ?");
             WarmUpGate gate = deals.warmUpJobId().isEmpty() ? null
                     : WarmUpGate.closed(url, user, password, jobId, deals.warmUpJobId().get());
             AloneProcess process = AloneProcess.start(command, log, heapReport)) {
            progress.setString(1, jobId);
            // Behind the gate the process is warm and the timed deals start after a checkpoint, as the
            // ceiling's rows do: time them from the first committed batch, as the ceiling is timed.
            double untimedShare = gate == null ? WARM_UP_SHARE : 0;
            long firstAt = 0;
            long firstDone = 0;
            long lastChange = System.currentTimeMillis();
            long lastDone = 0;
            while (true) {
                if (process.exited().isPresent()) {
                    return StageResult.failed(process.exited().get());
                }
                if (gate != null && !gate.openWhenWarm(connection, process)) {
                    lastChange = System.currentTimeMillis(); // waiting at the gate is no stall
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                long now = System.currentTimeMillis();
                try (ResultSet row = progress.executeQuery()) {
                    if (!row.next()) {
                        return StageResult.failed("scan job " + jobId + " vanished from the copy");
                    }
                    String status = row.getString(1);
                    long done = row.getLong(2);
                    if (done > 0 && done >= untimedShare * row.getLong(3) && firstAt == 0) {
                        firstAt = now;
                        firstDone = done;
                    }
                    if (done != lastDone) {
                        lastDone = done;
                        lastChange = now;
                    }
                    if ("completed".equals(status)) {
                        OptionalLong heap = process.stop();
                        OptionalDouble rate = StageRates.rate(done - firstDone, now - firstAt);
                        return new StageResult(rate, heap, done, rate.isPresent() ? null
                                : "the deals came in too few batches to time");
                    }
                    if (!"running".equals(status)) {
                        return StageResult.failed("the scan became " + status + " in the copy");
                    }
                }
                if (now - lastChange > STALL_MILLIS) {
                    return StageResult.failed("no progress for " + STALL_MILLIS / 1000 + " s (see " + log + ")");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
