package dev.hubspotetl.simulator.dataset;

import java.util.List;
import java.util.stream.Stream;

/**
 * The portal's deal pipelines. HubSpot's default pipeline uses readable stage ids; pipelines a
 * portal adds get numeric ids, so a loader sees both shapes.
 */
final class Pipelines {

    record Stage(String id, String label, String probability, boolean closed) {
    }

    record Pipeline(String id, String label, List<Stage> stages) {
    }

    static final List<Pipeline> ALL = List.of(
            new Pipeline("default", "Sales Pipeline", List.of(
                    new Stage("appointmentscheduled", "Appointment Scheduled", "0.2", false),
                    new Stage("qualifiedtobuy", "Qualified To Buy", "0.4", false),
                    new Stage("presentationscheduled", "Presentation Scheduled", "0.6", false),
                    new Stage("decisionmakerboughtin", "Decision Maker Bought-In", "0.8", false),
                    new Stage("contractsent", "Contract Sent", "0.9", false),
                    new Stage("closedwon", "Closed Won", "1.0", true),
                    new Stage("closedlost", "Closed Lost", "0.0", true))),
            new Pipeline("14523887", "Renewals", List.of(
                    new Stage("38102001", "Renewal Due", "0.5", false),
                    new Stage("38102002", "Negotiation", "0.75", false),
                    new Stage("38102003", "Renewed", "1.0", true),
                    new Stage("38102004", "Churned", "0.0", true))),
            new Pipeline("20871654", "Partner Channel", List.of(
                    new Stage("51400101", "Registered", "0.1", false),
                    new Stage("51400102", "Qualified", "0.3", false),
                    new Stage("51400103", "Won", "1.0", true),
                    new Stage("51400104", "Lost", "0.0", true))));

    private Pipelines() {
    }

    /** Picks a pipeline: most deals sit in the default one. */
    static Pipeline pick(double draw) {
        return draw < 0.6 ? ALL.get(0) : draw < 0.85 ? ALL.get(1) : ALL.get(2);
    }

    static Stream<Stage> allStages() {
        return ALL.stream().flatMap(pipeline -> pipeline.stages().stream());
    }
}
