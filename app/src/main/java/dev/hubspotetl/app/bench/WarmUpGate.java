package dev.hubspotetl.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the loader alone at the timed scan's first deal while it warms up on the warm-up scan's deals,
 * so that the timed deals meet a loader in its steady state, as a service that has been up for a
 * while is, not one whose JIT still compiles on the same two cores. A transaction of the bench locks
 * the timed scan's scan_jobs row ({@code FOR UPDATE}); a deal row's foreign-key check needs that row
 * ({@code FOR KEY SHARE}), so the loader's first batch holding a timed deal waits. Once the warm-up
 * deals are in (or stopped coming: a batch may hold both kinds) and the process has gone quiet (less
 * than {@value #QUIET_CPU_PERCENT} % of a core for a second), a CHECKPOINT, and the lock goes. The
 * loader's work is the same either way; only when it meets the timed deals changes.
 */
final class WarmUpGate implements AutoCloseable {

    static final int QUIET_CPU_PERCENT = 5;
    /** The gate opens after this long whatever the process does. */
    static final long LONGEST_WAIT_MILLIS = 120_000;
    private static final long SETTLED_MILLIS = 2_000;
    private static final long CPU_WINDOW_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(WarmUpGate.class);

    private final Connection lock;
    private final String warmUpJobId;
    private final long closedAt = System.currentTimeMillis();
    private boolean open;
    private long warmDone = -1;
    private long warmChangedAt = closedAt;
    private long cpuSampledAt;
    private long cpuMillis = -1;

    private WarmUpGate(Connection lock, String warmUpJobId) {
        this.lock = lock;
        this.warmUpJobId = warmUpJobId;
    }

    /** Locks the timed scan's row in {@code url}'s database; call before the loader starts. */
    static WarmUpGate closed(String url, String user, String password, String timedJobId, String warmUpJobId)
            throws SQLException {
        Connection lock = DriverManager.getConnection(url, user, password);
        try {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("SELECT id FROM scan_jobs WHERE id = ? FOR UPDATE")) {
                select.setString(1, timedJobId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("No scan job " + timedJobId + " to hold the loader at");
                    }
                }
            }
            return new WarmUpGate(lock, warmUpJobId);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Looks again (call every poll); opens the gate when the loader is warm. Returns whether it is open. */
    boolean openWhenWarm(Connection database, AloneProcess process) throws SQLException {
        if (open) {
            return true;
        }
        long now = System.currentTimeMillis();
        boolean warmDealsIn = warmDealsIn(database, now);
        boolean quiet = quiet(process, now);
        if ((warmDealsIn && quiet) || now - closedAt > LONGEST_WAIT_MILLIS) {
            DatabaseCeiling.checkpoint(database);
            lock.commit();
            open = true;
            log.info("Loader alone: timed deals let in {} ms after its start ({})", now - closedAt,
                    warmDealsIn && quiet ? "warm-up deals in, process quiet" : "waited longest");
        }
        return open;
    }

    private boolean warmDealsIn(Connection database, long now) throws SQLException {
        try (PreparedStatement select = database.prepareStatement(
                "SELECT status, processed_items + failed_items FROM scan_jobs WHERE id = ?")) {
            select.setString(1, warmUpJobId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("No warm-up scan job " + warmUpJobId + " in the copy");
                }
                long done = row.getLong(2);
                if (done != warmDone) {
                    warmDone = done;
                    warmChangedAt = now;
                }
                return "completed".equals(row.getString(1)) || (done > 0 && now - warmChangedAt >= SETTLED_MILLIS);
            }
        }
    }

    /** Whether the process used less than QUIET_CPU_PERCENT of a core over the last second or more. */
    private boolean quiet(AloneProcess process, long now) {
        if (cpuMillis >= 0 && now - cpuSampledAt < CPU_WINDOW_MILLIS) {
            return false;
        }
        long cpu = process.cpuMillis().orElse(-1);
        boolean quiet = cpuMillis >= 0 && cpu >= 0 && (cpu - cpuMillis) * 100 < QUIET_CPU_PERCENT * (now - cpuSampledAt);
        cpuMillis = cpu;
        cpuSampledAt = now;
        return quiet;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!open) {
                lock.rollback();
            }
        } finally {
            lock.close();
        }
    }
}
