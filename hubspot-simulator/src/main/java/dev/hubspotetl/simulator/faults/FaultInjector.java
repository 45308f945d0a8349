package dev.hubspotetl.simulator.faults;

import dev.hubspotetl.simulator.FaultKind;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which calls fail and how. The n-th call's fate is a pure function of (seed, n), so the
 * same seed and the same sequence of calls give the same faults on every run, whatever the
 * thread timing. Rate and kinds can change at runtime (a fault storm in the middle of a scan).
 */
public final class FaultInjector {

    private final long seed;
    private final AtomicLong calls = new AtomicLong();
    private volatile double rate;
    private volatile FaultKind[] kinds;

    public FaultInjector(long seed, double rate, Collection<FaultKind> kinds) {
        this.seed = seed;
        setRate(rate);
        setKinds(kinds);
    }

    /** The fault for the next call, if it gets one. */
    public Optional<FaultKind> next() {
        long call = calls.getAndIncrement();
        double currentRate = rate;
        FaultKind[] currentKinds = kinds;
        if (currentRate <= 0 || currentKinds.length == 0) {
            return Optional.empty();
        }
        long draw = mix(seed ^ mix(call));
        double uniform = (draw >>> 11) * 0x1.0p-53;
        if (uniform >= currentRate) {
            return Optional.empty();
        }
        return Optional.of(currentKinds[(int) Long.remainderUnsigned(mix(draw), currentKinds.length)]);
    }

    public double rate() {
        return rate;
    }

    public void setRate(double newRate) {
        if (!(newRate >= 0.0 && newRate <= 1.0)) {
            throw new IllegalArgumentException("fault rate must be in [0.0, 1.0], was " + newRate);
        }
        rate = newRate;
    }

    public void setKinds(Collection<FaultKind> newKinds) {
        // Enum order, not the caller's set order, so the same kinds always map the same way.
        kinds = newKinds.isEmpty() ? new FaultKind[0] : EnumSet.copyOf(newKinds).toArray(FaultKind[]::new);
    }

    /** SplitMix64's finalizer: a cheap, well-spread 64-bit hash. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
