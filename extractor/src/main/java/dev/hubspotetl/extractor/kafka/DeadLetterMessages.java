package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.schemas.kafka.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.SingleRecordHeader;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The extractor's headers on a dead-lettered scan request: {@code etl-stage}, and an exception message
 * that says why. spring-kafka writes only "failed to deserialize" for a record its deserializer
 * refused; the reason is in the exception's causes, which this puts into the message.
 */
public final class DeadLetterMessages {

    private static final LogAccessor LOG = new LogAccessor(DeadLetterMessages.class);

    private DeadLetterMessages() {
    }

    public static Headers headers(ConsumerRecord<?, ?> record, Exception exception, String stage) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.STAGE, DeadLetterHeaders.utf8(stage));
        headers.add(new SingleRecordHeader(DeadLetterHeaders.EXCEPTION_MESSAGE,
                message(record, exception).getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    static String message(ConsumerRecord<?, ?> record, Exception exception) {
        DeserializationException value = SerializationUtils.getExceptionFromHeader(record,
                KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        DeserializationException key = SerializationUtils.getExceptionFromHeader(record,
                KafkaUtils.KEY_DESERIALIZER_EXCEPTION_HEADER, LOG);
        Throwable failure = value != null ? value : key != null ? key : exception;
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null && messages.size() < 5; cause = cause.getCause()) {
            String text = cause.getMessage();
            if (!(cause instanceof ListenerExecutionFailedException) && text != null
                    && messages.stream().noneMatch(known -> known.contains(text))) {
                messages.add(text);
            }
        }
        return messages.isEmpty() ? String.valueOf(exception) : String.join("; ", messages);
    }
}
