package dev.hubspotetl.simulator.http;

import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.SimulatorStats;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters updated by every worker thread; LongAdder so that counting never contends. */
public final class StatsRecorder {

    private final LongAdder requests = new LongAdder();
    private final LongAdder dealsServed = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final Map<FaultKind, LongAdder> faultsByKind = new EnumMap<>(FaultKind.class);
    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    public StatsRecorder() {
        for (FaultKind kind : FaultKind.values()) {
            faultsByKind.put(kind, new LongAdder());
        }
    }

    void answered(String endpoint, int status, int deals) {
        requests.increment();
        dealsServed.add(deals);
        byEndpoint.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 429) {
            rateLimited.increment();
        } else if (status == 401) {
            unauthorized.increment();
        }
    }

    void fault(FaultKind kind) {
        faults.increment();
        faultsByKind.get(kind).increment();
    }

    public SimulatorStats snapshot() {
        Map<FaultKind, Long> kinds = new EnumMap<>(FaultKind.class);
        faultsByKind.forEach((kind, count) -> kinds.put(kind, count.sum()));
        Map<String, Long> endpoints = new HashMap<>();
        byEndpoint.forEach((endpoint, count) -> endpoints.put(endpoint, count.sum()));
        Map<Integer, Long> statuses = new HashMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new SimulatorStats(requests.sum(), dealsServed.sum(), rateLimited.sum(), unauthorized.sum(),
                faults.sum(), kinds, endpoints, statuses);
    }
}
