package dev.hubspotetl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.hubspotetl.simulator.HubSpotHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** With mutateBetweenPages the portal changes under a running scan, as a live portal does. */
class MutationContractTest {

    private HubSpotSimulator hubspot;

    @AfterEach
    void stop() {
        hubspot.close();
    }

    @Test
    void shouldEditCreateAndArchiveDealsAfterEveryPageAndShowItInTheDataset() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(500).archivedShare(0).noRateLimits()
                .mutateBetweenPages(true).build());
        HubSpotHttp http = new HubSpotHttp(hubspot);
        Instant scanStart = Instant.now().minusMillis(1);
        List<SimulatedDeal> before = hubspot.dataset().deals();

        List<String> seen = scan(http);

        int pages = (int) hubspot.stats().requests("list");
        List<SimulatedDeal> after = hubspot.dataset().deals();
        assertThat(after.size()).isEqualTo(before.size() + pages);
        assertThat(hubspot.dataset().archivedDeals().size()).isEqualTo(pages);
        assertThat(after.stream().filter(d -> !d.archived() && d.updatedAt().isAfter(scanStart)).count())
                .as("edited or created during the scan").isGreaterThanOrEqualTo(pages);
        Set<String> unique = new HashSet<>(seen);
        assertThat(unique).as("an id cursor never serves a deal twice").hasSameSizeAs(seen);
        assertThat(seen).as("deals created during the scan are reached at the end")
                .contains(after.get(after.size() - 2).id());
    }

    @Test
    void shouldLeaveTheDatasetAloneWhenMutationsAreOffOrTheAnswerFailed() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(100).noRateLimits().build());
        HubSpotHttp http = new HubSpotHttp(hubspot);
        List<SimulatedDeal> before = hubspot.dataset().deals();

        scan(http);
        assertThat(hubspot.dataset().deals().equals(before)).as("unchanged after a scan").isTrue();

        hubspot.setMutateBetweenPages(true);
        hubspot.setFaultKinds(java.util.EnumSet.of(FaultKind.HTTP_502));
        hubspot.setFaultRate(1.0);
        http.get("/crm/v3/objects/deals");
        assertThat(hubspot.dataset().deals().equals(before)).as("unchanged after a failed page").isTrue();

        hubspot.setFaultRate(0.0);
        http.get("/crm/v3/objects/deals");
        assertThat(hubspot.dataset().deals().size()).isEqualTo(before.size() + 1);
    }

    @Test
    void shouldShiftSearchOffsetsWhenDealsAheadOfTheCursorChange() {
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(400).archivedShare(0).noRateLimits()
                .mutateBetweenPages(true).build());
        HubSpotHttp http = new HubSpotHttp(hubspot);
        List<String> seen = new ArrayList<>();
        String after = "0";
        while (after != null) {
            JsonNode page = json(http.search("{\"limit\":50,\"after\":\"" + after + "\","
                    + "\"sorts\":[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}]}"));
            page.get("results").forEach(deal -> seen.add(deal.get("id").asText()));
            after = page.has("paging") ? page.get("paging").get("next").get("after").asText() : null;
        }

        Set<String> stillActive = new HashSet<>(ListDealsContractTest.ids(hubspot.dataset().activeDeals()));
        assertThat(new HashSet<>(seen).containsAll(stillActive))
                .as("offset paging over a changing portal misses or repeats deals").isFalse();
    }

    private static List<String> scan(HubSpotHttp http) {
        List<String> seen = new ArrayList<>();
        String after = "";
        JsonNode page;
        do {
            page = json(http.get("/crm/v3/objects/deals?limit=100" + after));
            page.get("results").forEach(deal -> seen.add(deal.get("id").asText()));
            after = page.has("paging") ? "&after=" + page.get("paging").get("next").get("after").asText() : "";
        } while (page.has("paging"));
        return seen;
    }
}
