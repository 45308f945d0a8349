package dev.hubspotetl.simulator.limits;

import java.util.ArrayDeque;
import java.util.Iterator;

/** Call times within one window; callers synchronize. */
final class RollingWindow {

    private final ArrayDeque<Long> calls = new ArrayDeque<>();

    /** Calls within the window ending now, after forgetting older ones. */
    int countWithin(long nowMillis, long windowMillis) {
        long oldestKept = nowMillis - windowMillis;
        while (!calls.isEmpty() && calls.peekFirst() <= oldestKept) {
            calls.pollFirst();
        }
        return calls.size();
    }

    /** Calls in the last {@code spanMillis}, without forgetting any. */
    int countInLast(long nowMillis, long spanMillis) {
        int count = 0;
        for (Iterator<Long> newest = calls.descendingIterator(); newest.hasNext(); ) {
            if (newest.next() <= nowMillis - spanMillis) {
                break;
            }
            count++;
        }
        return count;
    }

    void record(long nowMillis) {
        calls.addLast(nowMillis);
    }
}
