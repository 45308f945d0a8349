package dev.hubspotetl.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.hubspotetl.schemas.ScanEventType;
import dev.hubspotetl.simulator.FaultKind;
import dev.hubspotetl.simulator.HubSpotSimulator;
import dev.hubspotetl.simulator.SimulatorConfig;
import dev.hubspotetl.simulator.dataset.DatasetGenerator;
import dev.hubspotetl.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Tokens never leave the process: after full and incremental scans (with 414 splits, retried faults
 * and a 401 from a revoked token), neither token appears in any byte the extractor wrote to Kafka
 * (aborted transactions included) nor in any log line, debug level included.
 */
@IntegrationTest
class TokenSecrecyIT {

    private static final String REF = "portal-a";
    private static final String TOKEN = "pat-na1-5ecret-0a1b-2c3d-4e5f-6a7b8c9d0e1f";
    private static final String REVOKED_REF = "portal-revoked";
    private static final String REVOKED_TOKEN = "pat-na1-revoked-9f8e-7d6c-5b4a-392817160504";
    private static final Map<String, Level> VERBOSE = Map.of(
            Logger.ROOT_LOGGER_NAME, Level.INFO, "dev.hubspotetl", Level.DEBUG,
            "org.apache.kafka", Level.INFO, "org.springframework.kafka", Level.DEBUG);
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static final List<Appender<ILoggingEvent>> CONSOLE = new ArrayList<>();
    private static final Map<String, Level> previousLevels = new java.util.HashMap<>();
    private static HubSpotSimulator hubspot;
    private static ExtractorHarness harness;

    @BeforeAll
    static void start() {
        // Spring Boot would re-initialise logback at start and drop the capturing appender.
        System.setProperty(LOGGING_SYSTEM, "none");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOGS.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        // Debug output goes to the capturing appender only, not into the test report.
        root.iteratorForAppenders().forEachRemaining(CONSOLE::add);
        CONSOLE.forEach(root::detachAppender);
        root.addAppender(LOGS);
        VERBOSE.forEach((name, level) -> {
            previousLevels.put(name, logging.getLogger(name).getLevel());
            logging.getLogger(name).setLevel(level);
        });
        hubspot = HubSpotSimulator.start(SimulatorConfig.builder().deals(300).token(TOKEN).noRateLimits()
                .maxUrlLength(300).faultRate(0.1).faultKinds(FaultKind.HTTP_500, FaultKind.HTTP_502,
                        FaultKind.DISCONNECT, FaultKind.MALFORMED_JSON).build());
        harness = new ExtractorHarness("secrecy").hubspot(hubspot, REF)
                .set("etl.hubspot.credentials." + REVOKED_REF, REVOKED_TOKEN)
                .set("etl.hubspot.retry.max-attempts", 10);
        harness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        hubspot.close();
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(LOGS);
        CONSOLE.forEach(root::addAppender);
        previousLevels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        System.clearProperty(LOGGING_SYSTEM);
    }

    @Test
    void shouldNeverWriteATokenToKafkaOrToALogLine() throws Exception {
        harness.send(Requests.full("secret-full", ExtractorHarness.ORG, REF).setBatchSize(20)
                .setIncludeArchived(true).setIncludeAssociations(true).build());
        harness.send(Requests.incremental("secret-incremental", ExtractorHarness.ORG, REF,
                DatasetGenerator.HORIZON.minus(Duration.ofDays(400))).setBatchSize(20).build());
        harness.send(Requests.full("secret-revoked", ExtractorHarness.ORG, REVOKED_REF).build());
        harness.awaitCompleted("secret-full", Duration.ofSeconds(60));
        harness.awaitCompleted("secret-incremental", Duration.ofSeconds(60));
        harness.awaitEvent("secret-revoked", ScanEventType.EXTRACTION_FAILED, Duration.ofSeconds(30));
        assertThat(hubspot.stats().faults()).as("faults exercised the error paths").isPositive();
        assertThat(hubspot.stats().unauthorized()).isPositive();

        List<String> topics = new ArrayList<>(List.of(harness.topics.scanRequests(), harness.topics.scanControl(),
                harness.topics.dealsRaw(), harness.topics.scanEvents(), harness.topics.dealsDlq(),
                harness.checkpointTopic));
        long bytesRead = 0;
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : everything(topic)) {
                bytesRead += (record.value() == null ? 0 : record.value().length);
                assertNoToken(topic + " key", record.key());
                assertNoToken(topic + " value", record.value());
                for (Header header : record.headers()) {
                    assertNoToken(topic + " header " + header.key(), header.value());
                }
            }
        }
        assertThat(bytesRead).as("bytes written to Kafka and searched").isGreaterThan(50_000);

        List<String> lines = LOGS.list.stream().map(TokenSecrecyIT::render).toList();
        assertThat(lines).as("captured log lines").hasSizeGreaterThan(100);
        assertThat(lines).noneMatch(line -> line.contains(TOKEN) || line.contains(REVOKED_TOKEN));
        assertThat(lines).anyMatch(line -> line.contains(REVOKED_REF));
    }

    // Aborted transactions included: a token must not reach the log even in a record nobody reads.
    private static List<ConsumerRecord<byte[], byte[]>> everything(String topic) throws Exception {
        try (RecordCollector<byte[], byte[]> collector = new RecordCollector<>(topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), false)) {
            return collector.awaitCaughtUp().records();
        }
    }

    private static void assertNoToken(String where, byte[] bytes) {
        if (bytes != null) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as(where).doesNotContain(TOKEN).doesNotContain(REVOKED_TOKEN);
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            line.append(" | ").append(error.getClassName()).append(": ").append(error.getMessage());
        }
        return line.toString();
    }
}
