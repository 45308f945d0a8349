package dev.hubspotetl.transformer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.transformer.fixtures.RawPages;
import dev.hubspotetl.transformer.fixtures.TransformerDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parts of DESIGN.md §5 that span more than one property: envelope, fallbacks, associations, raw_properties. */
class DealMappingTest {

    @Test
    void shouldMapAFullHubSpotResultToEveryColumnAndKeyItByOrganizationAndDealId() {
        ObjectNode result = RawPages.realisticResult(51);

        Deal deal = normalize(result);

        Deal expected = Deal.newBuilder()
                .setOrganizationId("org-1").setScanId("scan-1").setDealId("51")
                .setDealName("Deal 51 - Enterprise licence renewal").setAmount(new BigDecimal("51.51"))
                .setDealStage("closedwon").setCloseDate(Instant.parse("2024-02-15T10:30:00.123Z"))
                .setPipeline("default").setDealType("newbusiness").setHubspotOwnerId("owner-11")
                .setDealStageProbability(new BigDecimal("0.20"))
                .setDescription("Renewal of the enterprise licence, three-year term with an option to expand.")
                .setAnalyticsSource("ORGANIC_SEARCH").setNumAssociatedContacts(2).setPriority("high")
                .setNextStep("Send the contract to legal").setForecastAmount(new BigDecimal("1500.00"))
                .setForecastProbability(new BigDecimal("0.60"))
                .setHubspotCreatedAt(Instant.parse("2024-01-15T10:30:00Z"))
                .setHubspotUpdatedAt(Instant.parse("2024-02-15T00:00:00Z"))
                .setArchived(false)
                .setRawProperties(result.get("properties").toString())
                .setExtractedAt(RawPages.EXTRACTED_AT)
                .build();
        assertThat(deal).isEqualTo(expected);
    }

    @Test
    void shouldEmitOneDealPerResultKeyedOrganizationColonDealIdInPageOrder() {
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.page("scan-9", "org-7", 3,
                    List.of(RawPages.result("1"), RawPages.result("2"), RawPages.result("3"))));

            List<TestRecord<String, Deal>> deals = driver.deals();
            assertThat(deals).extracting(TestRecord::key).containsExactly("org-7:1", "org-7:2", "org-7:3");
            assertThat(deals).extracting(TestRecord::value)
                    .allSatisfy(deal -> {
                        assertThat(deal.getOrganizationId()).isEqualTo("org-7");
                        assertThat(deal.getScanId()).isEqualTo("scan-9");
                        assertThat(deal.getExtractedAt()).isEqualTo(RawPages.EXTRACTED_AT);
                    });
            assertThat(driver.events()).isEmpty();
        }
    }

    @Test
    void shouldAcceptANumericIdAsText() {
        ObjectNode result = RawPages.result(null);
        result.put("id", 51);

        assertThat(normalize(result).getDealId()).isEqualTo("51");
    }

    @Test
    void shouldKeepEveryPropertyAsSentInRawPropertiesAsCompactJson() throws Exception {
        String properties = """
                {
                  "dealname" : "Caf\\u00e9 \\ud83d\\ude80",
                  "amount" : "1,500.00",
                  "custom_field_1" : "value1",
                  "empty" : "",
                  "nothing" : null,
                  "exact" : 1.10,
                  "nested" : {"a" : [1, 2]}
                }""";
        String body = "{\"results\":[{\"id\":\"51\",\"properties\":" + properties + "}]}";

        Deal deal = normalizeBody(body);

        assertThat(deal.getRawProperties()).isEqualTo("{\"dealname\":\"Café 🚀\",\"amount\":\"1,500.00\","
                + "\"custom_field_1\":\"value1\",\"empty\":\"\",\"nothing\":null,\"exact\":1.10,"
                + "\"nested\":{\"a\":[1,2]}}");
        assertThat(deal.getAmount()).isNull();
        assertThat(deal.getDealName()).isEqualTo("Café 🚀");
    }

    @Test
    void shouldUseAnEmptyObjectWhenTheResultHasNoProperties() {
        String body = "{\"results\":[{\"id\":\"51\"},{\"id\":\"52\",\"properties\":null}]}";
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 0, 2, body));

            assertThat(driver.deals()).extracting(record -> record.value().getRawProperties())
                    .containsExactly("{}", "{}");
        }
    }

    static Stream<Arguments> timestampFallbacks() {
        return Stream.of(
                Arguments.of("property wins", TextNode.valueOf("2023-12-01T00:00:00Z"),
                        Instant.parse("2023-12-01T00:00:00Z")),
                Arguments.of("absent", MissingNode.getInstance(), null),
                Arguments.of("empty", TextNode.valueOf(""), null),
                Arguments.of("null", NullNode.getInstance(), null),
                Arguments.of("invalid", TextNode.valueOf("not a date"), null));
    }

    @ParameterizedTest(name = "createdate {0}")
    @MethodSource("timestampFallbacks")
    void shouldTakeCreatedAtWhenThePropertiesLackCreatedate(String label, JsonNode createdate, Instant fromProperty) {
        ObjectNode result = RawPages.result("51");
        setProperty(result, "createdate", createdate);

        Instant expected = fromProperty != null ? fromProperty : Instant.parse(RawPages.CREATED_AT);
        assertThat(normalize(result).getHubspotCreatedAt()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "hs_lastmodifieddate {0}")
    @MethodSource("timestampFallbacks")
    void shouldTakeUpdatedAtWhenThePropertiesLackLastModifiedDate(String label, JsonNode modified,
                                                                   Instant fromProperty) {
        ObjectNode result = RawPages.result("51");
        setProperty(result, "hs_lastmodifieddate", modified);

        Instant expected = fromProperty != null ? fromProperty : Instant.parse(RawPages.UPDATED_AT);
        assertThat(normalize(result).getHubspotUpdatedAt()).isEqualTo(expected);
    }

    @Test
    void shouldLeaveTimestampsAbsentWhenNeitherPropertyNorResultHasThem() {
        ObjectNode result = RawPages.result("51");
        result.remove("createdAt");
        result.put("updatedAt", "garbage");

        Deal deal = normalize(result);

        assertThat(deal.getHubspotCreatedAt()).isNull();
        assertThat(deal.getHubspotUpdatedAt()).isNull();
    }

    static Stream<Arguments> archivedFlags() {
        return Stream.of(
                Arguments.of(BooleanNode.TRUE, true),
                Arguments.of(BooleanNode.FALSE, false),
                Arguments.of(MissingNode.getInstance(), false),
                Arguments.of(NullNode.getInstance(), false),
                Arguments.of(TextNode.valueOf("true"), true),
                Arguments.of(TextNode.valueOf("TRUE"), true),
                Arguments.of(TextNode.valueOf("yes"), false),
                Arguments.of(LongNode.valueOf(1), false));
    }

    @ParameterizedTest(name = "archived = {0} -> {1}")
    @MethodSource("archivedFlags")
    void shouldTakeTheArchivedFlagFromTheResult(JsonNode archived, boolean expected) {
        ObjectNode result = RawPages.result("51");
        result.remove("archived");
        if (!archived.isMissingNode()) {
            result.set("archived", archived);
        }
        result.put("archivedAt", "2024-02-01T00:00:00Z");

        assertThat(normalize(result).getArchived()).isEqualTo(expected);
    }

    static Stream<Arguments> associationCounts() {
        return Stream.of(
                Arguments.of("property only", "7", null, 7),
                Arguments.of("property wins over associations", "5", List.of("201", "202"), 5),
                Arguments.of("no property: associations", null, List.of("201", "202", "203"), 3),
                Arguments.of("empty property: associations", "", List.of("201"), 1),
                Arguments.of("untypable property: associations", "two", List.of("201", "202"), 2),
                Arguments.of("a contact listed once per label counts once", null, List.of("201", "201", "202"), 2),
                Arguments.of("no associated contacts", null, List.of(), 0),
                Arguments.of("neither", null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("associationCounts")
    void shouldCountAssociatedContactsFromThePropertyElseTheAssociations(String label, String property,
                                                                          List<String> contactIds, Integer expected) {
        ObjectNode result = RawPages.result("51");
        if (property != null) {
            setProperty(result, "num_associated_contacts", TextNode.valueOf(property));
        }
        if (contactIds != null) {
            ArrayNode contacts = result.putObject("associations").putObject("contacts").putArray("results");
            String[] types = {"deal_to_contact", "deal_to_contact_unlabeled"};
            for (int i = 0; i < contactIds.size(); i++) {
                contacts.addObject().put("id", contactIds.get(i)).put("type", types[i % 2]);
            }
        }

        assertThat(normalize(result).getNumAssociatedContacts()).isEqualTo(expected);
    }

    private static void setProperty(ObjectNode result, String name, JsonNode value) {
        if (!value.isMissingNode()) {
            ((ObjectNode) result.get("properties")).set(name, value);
        }
    }

    private static Deal normalize(ObjectNode result) {
        return normalizeBody(RawPages.JSON.createObjectNode().set("results",
                RawPages.JSON.createArrayNode().add(result)).toString());
    }

    private static Deal normalizeBody(String body) {
        try (TransformerDriver driver = new TransformerDriver()) {
            driver.pipe(RawPages.pageWithBody("scan-1", "org-1", 0, 1, body));
            List<TestRecord<String, Deal>> deals = driver.deals();
            assertThat(driver.deadLetters()).isEmpty();
            assertThat(deals).hasSize(1);
            return deals.get(0).value();
        }
    }
}
