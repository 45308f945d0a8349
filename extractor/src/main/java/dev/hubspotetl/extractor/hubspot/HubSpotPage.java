package dev.hubspotetl.extractor.hubspot;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One successful answer: the body exactly as HubSpot sent it, and its parsed form.
 *
 * @param body the response body, verbatim
 * @param json the body parsed (a JSON object)
 */
public record HubSpotPage(String body, JsonNode json) {
}
