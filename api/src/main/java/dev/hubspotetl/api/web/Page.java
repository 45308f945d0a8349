package dev.hubspotetl.api.web;

import java.util.List;

/**
 * One page of a list.
 *
 * @param total how many items match in all pages
 * @param page  0-based index of this page
 */
public record Page<T>(long total, int page, int size, List<T> items) {
}
