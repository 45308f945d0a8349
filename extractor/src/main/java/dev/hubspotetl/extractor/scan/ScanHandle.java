package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.extractor.hubspot.StopSignal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One scan on this instance, from queued to done. Its stop signal fires on a cancel (the scan ends
 * CANCELLED) or when this instance gives the scan up (shutdown, partition revoked: it stays RUNNING
 * for the next owner).
 */
public final class ScanHandle implements StopSignal {

    enum State { QUEUED, RUNNING, DONE }

    private final String scanId;
    private final int partition;
    private final CancelRegistry cancels;
    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean released;

    ScanHandle(String scanId, int partition, CancelRegistry cancels) {
        this.scanId = scanId;
        this.partition = partition;
        this.cancels = cancels;
    }

    public String scanId() {
        return scanId;
    }

    /** The request's partition, which is also the checkpoint's. */
    public int partition() {
        return partition;
    }

    /** Cancelled or released: waits end, no further HubSpot call is made. */
    @Override
    public boolean stopRequested() {
        return released || cancelled();
    }

    public boolean cancelled() {
        return cancels.isCancelled(scanId);
    }

    /** This instance gives the scan up; it stays RUNNING for whoever owns its partition next. */
    public boolean released() {
        return released;
    }

    void release() {
        released = true;
    }

    /** Takes a queued scan to run it; false if someone else took it or it was dropped. */
    boolean claim() {
        return state.compareAndSet(State.QUEUED, State.RUNNING);
    }

    /** Drops a scan that never started. */
    boolean abandon() {
        if (state.compareAndSet(State.QUEUED, State.DONE)) {
            done.complete(null);
            return true;
        }
        return false;
    }

    void finished() {
        state.set(State.DONE);
        done.complete(null);
    }

    CompletableFuture<Void> done() {
        return done;
    }

    boolean running() {
        return state.get() == State.RUNNING;
    }
}
