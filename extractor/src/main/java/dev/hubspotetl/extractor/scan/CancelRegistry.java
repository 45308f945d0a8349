package dev.hubspotetl.extractor.scan;

import dev.hubspotetl.extractor.hubspot.ScanStoppedException;
import dev.hubspotetl.extractor.hubspot.StopSignal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every scan cancelled on {@code hubspot.scan-control}, as this instance has read it. A cancel may
 * come before the request, or while another instance owns the scan; remembering all of them makes
 * a cancel final wherever and whenever the scan runs.
 */
public final class CancelRegistry {

    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile Consumer<String> listener = scanId -> { };

    /** Records a cancel; {@code reason} may be null. */
    public void cancel(String scanId, String reason) {
        if (reasons.putIfAbsent(scanId, reason == null || reason.isBlank() ? "" : reason) == null) {
            listener.accept(scanId);
        }
    }

    public boolean isCancelled(String scanId) {
        return reasons.containsKey(scanId);
    }

    /** The scan's error_message once cancelled. */
    public Optional<String> reason(String scanId) {
        return Optional.ofNullable(reasons.get(scanId)).map(r -> r.isEmpty() ? "Cancelled" : "Cancelled: " + r);
    }

    /** Told of each new cancel (the scheduler, to answer a queued scan's cancel at once). */
    public void onCancel(Consumer<String> newListener) {
        this.listener = newListener;
    }

    /** The control topic has been read up to where it ended when this instance started. */
    public void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until every cancel older than this instance is known, so that no cancelled scan resumes. */
    public void awaitCaughtUp(StopSignal stop) {
        try {
            while (!caughtUp.await(50, TimeUnit.MILLISECONDS)) {
                if (stop.stopRequested()) {
                    throw new ScanStoppedException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanStoppedException();
        }
    }
}
