package dev.hubspotetl.loader.bench;

import dev.hubspotetl.schemas.Deal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deals shaped like a real portal's: every column set, about 1 KB of raw properties each. */
final class BenchDeals {

    private static final Instant AT = Instant.parse("2024-06-01T00:00:00Z");
    private static final String[] STAGES = {"appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
        "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"};

    private BenchDeals() {
    }

    static List<Deal> generate(String organizationId, String scanId, int count) {
        List<Deal> deals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            deals.add(deal(organizationId, scanId, i));
        }
        return deals;
    }

    static Deal deal(String organizationId, String scanId, int i) {
        String stage = STAGES[i % STAGES.length];
        String name = "Deal " + i + " - Enterprise licence renewal for account " + (i * 7919 % 100_000);
        String amount = (i % 50_000) + "." + (i % 100 < 10 ? "0" : "") + (i % 100);
        String raw = "{\"dealname\":\"" + name + "\",\"amount\":\"" + amount + "\",\"dealstage\":\"" + stage
                + "\",\"pipeline\":\"default\",\"closedate\":\"2024-07-01T00:00:00Z\",\"dealtype\":\"newbusiness\","
                + "\"hubspot_owner_id\":\"" + (i % 97) + "\",\"hs_deal_stage_probability\":\"0.4\","
                + "\"description\":\"Renewal discussed with procurement; waiting on legal review of the MSA.\","
                + "\"hs_analytics_source\":\"ORGANIC_SEARCH\",\"num_associated_contacts\":\"3\",\"hs_priority\":\"high\","
                + "\"hs_next_step\":\"Send revised quote\",\"hs_forecast_amount\":\"" + amount + "\","
                + "\"hs_forecast_probability\":\"0.4\",\"createdate\":\"2024-01-01T00:00:00Z\","
                + "\"hs_lastmodifieddate\":\"2024-06-01T00:00:00Z\",\"hs_object_id\":\"" + i + "\","
                + "\"custom_region\":\"EMEA\",\"custom_segment\":\"mid-market\",\"custom_score\":\"" + (i % 100) + "\"}";
        return Deal.newBuilder().setOrganizationId(organizationId).setScanId(scanId).setDealId(String.valueOf(i))
                .setDealName(name).setAmount(new BigDecimal(amount)).setDealStage(stage)
                .setCloseDate(AT.plusSeconds(86_400L * (i % 365))).setPipeline("default").setDealType("newbusiness")
                .setHubspotOwnerId(String.valueOf(i % 97)).setDealStageProbability(new BigDecimal("0.40"))
                .setDescription("Renewal discussed with procurement; waiting on legal review of the MSA.")
                .setAnalyticsSource("ORGANIC_SEARCH").setNumAssociatedContacts(3).setPriority("high")
                .setNextStep("Send revised quote").setForecastAmount(new BigDecimal(amount))
                .setForecastProbability(new BigDecimal("0.40")).setHubspotCreatedAt(AT.minusSeconds(13_000_000))
                .setHubspotUpdatedAt(AT).setArchived(i % 50 == 0).setRawProperties(raw).setExtractedAt(AT).build();
    }
}
