package dev.hubspotetl.loader.it;

import dev.hubspotetl.schemas.Deal;
import dev.hubspotetl.schemas.ScanControl;
import dev.hubspotetl.schemas.ScanControlAction;
import dev.hubspotetl.schemas.ScanEvent;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.schemas.ScanRequest;
import dev.hubspotetl.schemas.kafka.DealSerde;
import dev.hubspotetl.schemas.kafka.ScanControlSerde;
import dev.hubspotetl.schemas.kafka.ScanEventSerde;
import dev.hubspotetl.schemas.kafka.ScanRequestSerde;
import dev.hubspotetl.schemas.kafka.Topics;
import dev.hubspotetl.testsupport.SharedKafka;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes what the other stages would write to the loader's input topics. */
final class Feed implements AutoCloseable {

    static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    private final LoaderEnvironment env;
    private final KafkaProducer<byte[], byte[]> producer;

    Feed(LoaderEnvironment env) {
        this.env = env;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    void request(String scanId, String organizationId) {
        ScanRequest request = ScanRequest.newBuilder().setScanId(scanId).setOrganizationId(organizationId)
                .setCredentialRef("acme").setBatchSize(100).setProperties(List.of()).setRequestedAt(AT).build();
        send(env.requests, organizationId, new ScanRequestSerde().serialize(env.requests, request));
    }

    void cancel(String scanId) {
        ScanControl control = ScanControl.newBuilder().setScanId(scanId).setAction(ScanControlAction.CANCEL)
                .setReason("Cancelled by user").setRequestedAt(AT).build();
        send(env.control, scanId, new ScanControlSerde().serialize(env.control, control));
    }

    void event(String scanId, String organizationId, ScanEventType type, Long extractedTotal, Long dealCount,
               String error) {
        ScanEvent event = ScanEvent.newBuilder().setEventId("test:" + scanId + ":" + type + ":" + System.nanoTime())
                .setScanId(scanId).setOrganizationId(organizationId).setType(type).setStage("extractor")
                .setOccurredAt(AT).setExtractedTotal(extractedTotal).setDealCount(dealCount).setErrorMessage(error)
                .build();
        send(env.events, scanId, new ScanEventSerde().serialize(env.events, event));
    }

    void started(String scanId, String organizationId) {
        event(scanId, organizationId, ScanEventType.EXTRACTION_STARTED, null, null, null);
    }

    void completed(String scanId, String organizationId, long total) {
        event(scanId, organizationId, ScanEventType.EXTRACTION_COMPLETED, total, total, null);
    }

    void deal(Deal deal) {
        send(env.deals, Topics.dealKey(deal.getOrganizationId(), deal.getDealId()),
                new DealSerde().serialize(env.deals, deal));
    }

    void raw(String topic, String key, byte[] value) {
        send(topic, key, value);
    }

    void flush() {
        producer.flush();
    }

    private void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
    }

    /** A deal with every column set, its values derived from i. */
    static Deal deal(String organizationId, String scanId, int i) {
        return Deal.newBuilder().setOrganizationId(organizationId).setScanId(scanId).setDealId(String.valueOf(1000 + i))
                .setDealName("Deal \"" + i + "\", caf\u00e9 \ud83d\ude80").setAmount(new BigDecimal(i).movePointLeft(2))
                .setDealStage(i % 2 == 0 ? "closedwon" : "qualifiedtobuy")
                .setCloseDate(AT.plusSeconds(86_400L * (i % 30))).setPipeline("default").setDealType("newbusiness")
                .setHubspotOwnerId("owner-" + (i % 7)).setDealStageProbability(new BigDecimal("0.40"))
                .setDescription("line one\nline two, with a comma").setAnalyticsSource("ORGANIC_SEARCH")
                .setNumAssociatedContacts(i % 5).setPriority("high").setNextStep("call")
                .setForecastAmount(new BigDecimal("12.34")).setForecastProbability(new BigDecimal("0.25"))
                .setHubspotCreatedAt(AT.minusSeconds(3600)).setHubspotUpdatedAt(AT.minusSeconds(60))
                .setArchived(i % 10 == 0).setRawProperties("{\"dealname\":\"Deal " + i + "\",\"custom\":\"x\"}")
                .setExtractedAt(AT).build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
