package dev.hubspotetl.extractor.scan;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this instance's scans, at most {@code max-concurrent-scans} at a time; the others wait in
 * line, in the order they were accepted. A cancelled scan that is still waiting is answered at once
 * on a separate thread. When a partition is revoked, its scans are released and waited for.
 */
public final class ScanScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScanScheduler.class);

    private final ScanRunner runner;
    private final CancelRegistry cancels;
    private final ExecutorService workers;
    private final ExecutorService cancellations;
    private final Map<String, ScanHandle> scans = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    public ScanScheduler(int maxConcurrentScans, ScanRunner runner, CancelRegistry cancels, MeterRegistry registry) {
        this.runner = runner;
        this.cancels = cancels;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(maxConcurrentScans,
                task -> new Thread(task, "extractor-scan-" + threads.incrementAndGet()));
        this.cancellations = Executors.newSingleThreadExecutor(task -> new Thread(task, "extractor-cancel"));
        cancels.onCancel(this::cancelled);
        Gauge.builder("extractor.scans.running", running, AtomicInteger::get)
                .description("Scans calling HubSpot now").register(registry);
        Gauge.builder("extractor.scans.queued", scans, s -> s.size() - running.get())
                .description("Scans waiting for a free slot").register(registry);
    }

    /** Queues a RUNNING scan of an owned partition, unless it is already here. */
    public void submit(int partition, String scanId) {
        ScanHandle fresh = new ScanHandle(scanId, partition, cancels);
        ScanHandle existing = scans.putIfAbsent(scanId, fresh);
        if (existing != null) {
            if (existing.released()) {
                // The partition came back while the previous run was still winding down.
                existing.done().thenRun(() -> submit(partition, scanId));
            }
            return;
        }
        workers.execute(() -> {
            if (fresh.claim()) {
                run(fresh);
            }
        });
    }

    /** Scans running or waiting here. */
    public int size() {
        return scans.size();
    }

    public int running() {
        return running.get();
    }

    /** Releases every scan of the partitions and waits up to {@code grace} for the running ones to stop. */
    public void release(Collection<Integer> partitions, Duration grace) {
        List<ScanHandle> released = scans.values().stream().filter(h -> partitions.contains(h.partition())).toList();
        released.forEach(ScanHandle::release);
        released.stream().filter(ScanHandle::abandon).forEach(h -> scans.remove(h.scanId(), h));
        CompletableFuture<?>[] done = released.stream().map(ScanHandle::done).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(done).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Scans of partitions {} still running after {}; their next owner fences them", partitions, grace);
        } catch (ExecutionException e) {
            log.warn("A released scan ended with an error", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelled(String scanId) {
        ScanHandle handle = scans.get(scanId);
        // A running scan sees the cancel through its stop signal; a waiting one is answered now.
        if (handle != null && handle.claim()) {
            cancellations.execute(() -> run(handle));
        }
    }

    private void run(ScanHandle handle) {
        running.incrementAndGet();
        try {
            runner.run(handle);
        } catch (RuntimeException e) {
            log.error("Scan {} stopped on an unexpected error; it resumes from its checkpoint on the next assignment",
                    handle.scanId(), e);
        } finally {
            running.decrementAndGet();
            scans.remove(handle.scanId(), handle);
            handle.finished();
        }
    }

    @Override
    public void close() {
        release(scans.values().stream().map(ScanHandle::partition).distinct().toList(), Duration.ofSeconds(10));
        workers.shutdownNow();
        cancellations.shutdownNow();
    }
}
