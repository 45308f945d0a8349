package dev.hubspotetl.extractor.kafka;

import dev.hubspotetl.schemas.RawDealPage;

/**
 * A page to publish on the raw topic, with its body's UTF-8 bytes when they are at hand (as they came
 * from HubSpot), so that a body of many kilobytes is not encoded to UTF-8 a second time. What is
 * published is the same either way: {@code page} in the contract's encoding.
 *
 * @param page     the record
 * @param bodyUtf8 exactly {@code page.getBody()} in UTF-8, or null; not copied, never modified
 */
public record RawPage(RawDealPage page, byte[] bodyUtf8) {
}
