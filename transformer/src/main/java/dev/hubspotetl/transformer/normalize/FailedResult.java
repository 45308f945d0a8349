package dev.hubspotetl.transformer.normalize;

/**
 * One result of a page that failed on its own.
 *
 * @param index position of the result in the page's {@code results}
 * @param json  the result as compact JSON, for the dead-letter topic
 * @param error why it failed
 */
public record FailedResult(int index, String json, InvalidDealException error) {
}
