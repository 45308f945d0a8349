package dev.hubspotetl.simulator;

import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated portal: deterministic by seed and as messy as real portals are. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetTest {

    private static final SimulatorConfig CONFIG = SimulatorConfig.builder().deals(3_000).seed(42).archivedShare(0.05)
            .sharedModificationInstantDeals(400).build();

    private List<SimulatedDeal> deals;

    @BeforeAll
    void generate() {
        deals = Dataset.generate(CONFIG).deals();
    }

    @Test
    void shouldGenerateTheSameDealsForTheSameSeedAndOthersForAnotherSeed() {
        assertThat(Dataset.generate(CONFIG).deals()).isEqualTo(deals);
        assertThat(Dataset.generate(CONFIG.toBuilder().seed(43).build()).deals()).isNotEqualTo(deals);
    }

    @Test
    void shouldNumberDealsWithIncreasingHubSpotStyleIdsAndKeepIdPropertiesConsistent() {
        assertThat(deals).hasSize(3_000);
        for (int i = 1; i < deals.size(); i++) {
            assertThat(deals.get(i).numericId()).isGreaterThan(deals.get(i - 1).numericId());
        }
        List<String> defined = Dataset.generate(CONFIG).properties().stream().map(PropertyDefinition::name).toList();
        for (SimulatedDeal deal : deals) {
            assertThat(deal.property("hs_object_id")).isEqualTo(deal.id());
            assertThat(deal.property("createdate")).isEqualTo(HubSpotTime.format(deal.createdAt()));
            assertThat(deal.property("hs_lastmodifieddate")).isEqualTo(HubSpotTime.format(deal.updatedAt()));
            assertThat(deal.updatedAt()).isAfterOrEqualTo(deal.createdAt());
            assertThat(deal.property("num_associated_contacts")).isEqualTo(Integer.toString(deal.contactIds().size()));
            assertThat(deal.properties().keySet()).containsExactlyInAnyOrderElementsOf(defined);
        }
    }

    @Test
    void shouldSpreadDealsOverPipelinesStagesOwnersAndArchiveAboutTheAskedShare() {
        assertThat(distinct("pipeline")).containsExactlyInAnyOrder("default", "14523887", "20871654");
        assertThat(distinct("dealstage")).hasSizeGreaterThan(10);
        assertThat(distinct("hubspot_owner_id")).hasSizeGreaterThan(5).contains("");
        long archived = deals.stream().filter(SimulatedDeal::archived).count();
        assertThat(archived).isBetween(100L, 200L);
        deals.stream().filter(SimulatedDeal::archived).forEach(deal -> assertThat(deal.archivedAt()).isNotNull());
    }

    @Test
    void shouldCarryTheMessOfARealPortal() {
        assertThat(count(d -> "".equals(d.property("amount")))).as("empty amounts").isPositive();
        assertThat(count(d -> d.property("amount") == null)).as("null amounts").isPositive();
        assertThat(count(d -> matches(d, "amount", "\\d+"))).as("whole amounts").isPositive();
        assertThat(count(d -> matches(d, "amount", "\\d+\\.\\d+"))).as("decimal amounts").isPositive();
        assertThat(count(d -> matches(d, "closedate", "\\d{4}-\\d\\d-\\d\\dT.*Z"))).as("ISO close dates").isPositive();
        assertThat(count(d -> matches(d, "closedate", "\\d{4}-\\d\\d-\\d\\d"))).as("plain close dates").isPositive();
        assertThat(count(d -> matches(d, "closedate", "\\d{13}"))).as("epoch-millis close dates").isPositive();
        assertThat(count(d -> matches(d, "hs_deal_stage_probability", "0(\\.\\d+)?|1(\\.0)?"))).isPositive();
        assertThat(count(d -> nameHas(d, c -> c > 0x7F && c < 0xFFFF))).as("non-ASCII names").isPositive();
        assertThat(count(d -> nameHas(d, Character::isSupplementaryCodePoint))).as("emoji names").isPositive();
        assertThat(count(d -> d.property("dealname").length() > 500)).as("names over 500 chars").isPositive();
        assertThat(count(d -> "".equals(d.property("dealname")))).as("nameless deals").isPositive();
        assertThat(count(d -> d.property("description") != null && d.property("description").length() >= 100 * 1024))
                .as("100 KB descriptions").isPositive();
        assertThat(count(d -> !d.contactIds().isEmpty())).as("deals with contacts").isPositive();
        for (String custom : List.of("contract_tier", "is_strategic", "legacy_crm_id", "region_code", "renewal_date",
                "seats_purchased")) {
            assertThat(count(d -> d.property(custom) != null && !d.property(custom).isEmpty())).as(custom).isPositive();
        }
    }

    @Test
    void shouldSpreadModificationTimesAndShareOneInstantExactlyAsOftenAsAsked() {
        long shared = count(d -> d.updatedAt().equals(DatasetGenerator.SHARED_MODIFICATION_INSTANT));
        Set<String> months = deals.stream().map(d -> d.property("hs_lastmodifieddate").substring(0, 7))
                .collect(Collectors.toSet());

        assertThat(shared).isEqualTo(400);
        assertThat(months).hasSizeGreaterThan(24);
        assertThat(deals.stream().filter(d -> d.updatedAt().equals(DatasetGenerator.SHARED_MODIFICATION_INSTANT)))
                .noneMatch(SimulatedDeal::archived);
        assertThat(Duration.between(deals.stream().map(SimulatedDeal::updatedAt).min(java.util.Comparator.naturalOrder()).orElseThrow(),
                deals.stream().map(SimulatedDeal::updatedAt).max(java.util.Comparator.naturalOrder()).orElseThrow()))
                .isGreaterThan(Duration.ofDays(3 * 365));
    }

    @Test
    void shouldExposeDefinitionsAndDefaultsOfTheProperties() {
        Dataset dataset = Dataset.generate(CONFIG);
        Map<String, PropertyDefinition> byName = dataset.properties().stream()
                .collect(Collectors.toMap(PropertyDefinition::name, p -> p));

        assertThat(dataset.defaultPropertyNames()).containsExactly("amount", "closedate", "createdate", "dealname",
                "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline");
        assertThat(byName.values().stream().filter(p -> !p.hubspotDefined()).map(PropertyDefinition::name))
                .containsExactlyInAnyOrder("contract_tier", "is_strategic", "legacy_crm_id", "region_code",
                        "renewal_date", "seats_purchased");
        assertThat(dataset.find(deals.get(5).id())).contains(deals.get(5));
        assertThat(dataset.find("1")).isEmpty();
    }

    private Set<String> distinct(String property) {
        return deals.stream().map(d -> d.property(property)).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private long count(Predicate<SimulatedDeal> which) {
        return deals.stream().filter(which).count();
    }

    private static boolean matches(SimulatedDeal deal, String property, String regex) {
        String value = deal.property(property);
        return value != null && value.matches(regex);
    }

    private static boolean nameHas(SimulatedDeal deal, java.util.function.IntPredicate codePoint) {
        return deal.property("dealname").codePoints().anyMatch(codePoint);
    }
}
