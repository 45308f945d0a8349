package dev.hubspotetl.simulator;

import java.util.Map;

/**
 * Counters since the simulator started.
 *
 * @param requests           every request answered, whatever the outcome
 * @param dealsServed        deals returned in successful list, get and search answers
 * @param rateLimited        429 answers
 * @param unauthorized       401 answers
 * @param faults             injected faults
 * @param faultsByKind       injected faults per kind
 * @param requestsByEndpoint requests per endpoint ({@code list, get, search, properties, other})
 * @param answersByStatus    answers per HTTP status (a disconnect counts under the status it promised)
 */
public record SimulatorStats(
        long requests,
        long dealsServed,
        long rateLimited,
        long unauthorized,
        long faults,
        Map<FaultKind, Long> faultsByKind,
        Map<String, Long> requestsByEndpoint,
        Map<Integer, Long> answersByStatus) {

    public SimulatorStats {
        faultsByKind = Map.copyOf(faultsByKind);
        requestsByEndpoint = Map.copyOf(requestsByEndpoint);
        answersByStatus = Map.copyOf(answersByStatus);
    }

    /** Requests of one endpoint. */
    public long requests(String endpoint) {
        return requestsByEndpoint.getOrDefault(endpoint, 0L);
    }

    /** Answers with one status. */
    public long answers(int status) {
        return answersByStatus.getOrDefault(status, 0L);
    }
}
