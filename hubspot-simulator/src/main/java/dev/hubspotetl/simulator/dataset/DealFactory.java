package dev.hubspotetl.simulator.dataset;

import dev.hubspotetl.simulator.HubSpotTime;
import dev.hubspotetl.simulator.SimulatedDeal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds one deal from its own random stream, so any deal can be rebuilt alone from (seed, index). */
final class DealFactory {

    private DealFactory() {
    }

    /** The random stream of one deal: independent of how many deals were built before it. */
    static Random randomFor(long seed, long index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        return new Random(mixed ^ (mixed >>> 31));
    }

    static SimulatedDeal create(String id, int index, Random r, Instant createdAt, Instant updatedAt,
                                Instant archivedAt, boolean hugeDescription) {
        Map<String, String> p = new HashMap<>();
        Pipelines.Pipeline pipeline = Pipelines.pick(r.nextDouble());
        Pipelines.Stage stage = MessyValues.pick(r, pipeline.stages());
        String amount = MessyValues.amount(r);
        String forecastProbability = MessyValues.forecastProbability(r);
        List<String> contacts = contacts(r);

        p.put("amount", amount);
        p.put("closedate", MessyValues.closeDate(r, createdAt));
        p.put("createdate", HubSpotTime.format(createdAt));
        p.put("days_to_close", stage.closed() ? Integer.toString(r.nextInt(365)) : "");
        p.put("dealname", MessyValues.dealName(r, index));
        p.put("dealstage", stage.id());
        p.put("dealtype", MessyValues.orEmpty(r, 0.2, r.nextBoolean() ? "newbusiness" : "existingbusiness"));
        p.put("description", MessyValues.description(r, hugeDescription));
        p.put("hs_analytics_source", MessyValues.orEmpty(r, 0.1, MessyValues.pick(r, MessyValues.ANALYTICS_SOURCES)));
        p.put("hs_deal_stage_probability", MessyValues.orEmpty(r, 0.05, stage.probability()));
        p.put("hs_forecast_amount", MessyValues.forecastAmount(amount, forecastProbability));
        p.put("hs_forecast_probability", forecastProbability);
        p.put("hs_is_closed", Boolean.toString(stage.closed()));
        p.put("hs_lastmodifieddate", HubSpotTime.format(updatedAt));
        p.put("hs_next_step", MessyValues.nextStep(r));
        p.put("hs_object_id", id);
        p.put("hs_priority", r.nextDouble() < 0.1 ? null : MessyValues.orEmpty(r, 0.3,
                MessyValues.pick(r, List.of("low", "medium", "high"))));
        p.put("hubspot_owner_id", MessyValues.owner(r));
        p.put("num_associated_contacts", Integer.toString(contacts.size()));
        p.put("pipeline", pipeline.id());

        p.put("contract_tier", r.nextDouble() < 0.2 ? null
                : MessyValues.orEmpty(r, 0.3, MessyValues.pick(r, List.of("gold", "silver", "bronze"))));
        p.put("is_strategic", MessyValues.orEmpty(r, 0.4, Boolean.toString(r.nextBoolean())));
        p.put("legacy_crm_id", r.nextDouble() < 0.5 ? null : "SF-0061x" + Long.toString(r.nextLong() & 0xFFFFFFFFL, 36));
        p.put("region_code", MessyValues.orEmpty(r, 0.25, MessyValues.pick(r, List.of("EMEA", "NA", "APAC", "LATAM"))));
        p.put("renewal_date", MessyValues.orEmpty(r, 0.5,
                LocalDate.ofInstant(createdAt, ZoneOffset.UTC).plusYears(1).toString()));
        p.put("seats_purchased", MessyValues.orEmpty(r, 0.3, Integer.toString(1 + r.nextInt(500))));

        return new SimulatedDeal(id, p, createdAt, updatedAt, archivedAt != null, archivedAt, contacts);
    }

    /** A modification time after creation, spread over the remaining span so incremental scans have work. */
    static Instant modifiedAfter(Random r, Instant createdAt, Instant horizon) {
        long span = Math.max(1, Duration.between(createdAt, horizon).toMillis());
        return createdAt.plusMillis((long) (r.nextDouble() * span));
    }

    private static List<String> contacts(Random r) {
        double draw = r.nextDouble();
        int count = draw < 0.3 ? 0 : draw < 0.9 ? 1 + r.nextInt(3) : 4 + r.nextInt(5);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(Long.toString(50_000_000_000L + r.nextInt(900_000_000)));
        }
        return ids;
    }
}
