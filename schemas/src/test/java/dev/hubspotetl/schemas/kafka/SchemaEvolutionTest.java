package dev.hubspotetl.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.RawDealPage;
import dev.hubspotetl.schemas.ScanCheckpoint;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanRequest;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaEvolutionTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(ScanRequest.getClassSchema(), ScanControl.getClassSchema(), RawDealPage.getClassSchema(),
                Deal.getClassSchema(), ScanEvent.getClassSchema(), ScanCheckpoint.getClassSchema());
    }

    @Test
    void shouldDecodeADealWrittenWithAnOlderSchema() throws Exception {
        Schema older = SchemaHistory.previousVersionsOf(Deal.getClassSchema()).get(0);
        GenericRecord old = new GenericData.Record(older);
        old.put("organization_id", "org-1");
        old.put("scan_id", "scan-0");
        old.put("deal_id", "7");
        old.put("deal_name", "Legacy deal");
        old.put("amount", ByteBuffer.wrap(new BigDecimal("12.50").unscaledValue().toByteArray()));
        old.put("raw_properties", "{\"dealname\":\"Legacy deal\"}");
        old.put("legacy_batch", "b-1");
        old.put("extracted_at", 1_700_000_000_000L);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old).array();

        Deal deal = new DealSerde().deserialize("hubspot.deals", bytes);

        assertThat(deal.getDealId()).isEqualTo("7");
        assertThat(deal.getDealName()).isEqualTo("Legacy deal");
        assertThat(deal.getAmount()).isEqualByComparingTo("12.50");
        assertThat(deal.getForecastAmount()).isNull();
        assertThat(deal.getArchived()).isFalse();
        assertThat(deal.getExtractedAt().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void shouldStayBackwardAndForwardCompatibleWithEveryEarlierVersion(Schema current) {
        for (Schema earlier : SchemaHistory.previousVersionsOf(current)) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, earlier).getType())
                    .as("%s reads what the earlier version wrote", current.getName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(earlier, current).getType())
                    .as("the earlier version of %s reads what today's writes", current.getName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void shouldGiveEveryAddedFieldADefault(Schema current) {
        for (Schema earlier : SchemaHistory.previousVersionsOf(current)) {
            Set<String> known = earlier.getFields().stream().map(Schema.Field::name).collect(Collectors.toSet());
            current.getFields().stream().filter(f -> !known.contains(f.name())).forEach(added ->
                    assertThat(added.hasDefaultValue()).as("%s.%s was added, so it needs a default",
                            current.getName(), added.name()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void shouldDocumentEveryFieldInTheOneContractNamespace(Schema current) {
        assertThat(current.getNamespace()).isEqualTo(AvroTrust.CONTRACT_PACKAGE);
        assertThat(current.getDoc()).isNotBlank();
        current.getFields().forEach(f -> assertThat(f.doc()).as("doc of %s.%s", current.getName(), f.name())
                .isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void shouldCarryNoFieldThatCouldHoldASecret(Schema current) {
        List<String> suspicious = current.getFields().stream().map(Schema.Field::name)
                .filter(n -> Stream.of("token", "secret", "password", "api_key")
                        .anyMatch(n.toLowerCase(Locale.ROOT)::contains))
                .toList();
        assertThat(suspicious).isEmpty();
    }

    @Test
    void shouldFindTheHistoryResourceOfDeal() {
        assertThat(SchemaHistory.previousVersionsOf(Deal.getClassSchema())).hasSize(1);
        assertThat(SchemaHistory.previousVersionsOf(ScanEvent.getClassSchema())).isEmpty();
    }
}
