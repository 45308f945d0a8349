package dev.hubspotetl.transformer.normalize;

import dev.hubspotetl.schemas.Deal;
import java.util.List;

/**
 * A page's results, each either a deal or a failure: together they account for every result.
 *
 * @param deals    the normalized deals, in page order
 * @param failures the results that could not become deals, in page order
 */
public record NormalizedPage(List<Deal> deals, List<FailedResult> failures) {

    public NormalizedPage {
        deals = List.copyOf(deals);
        failures = List.copyOf(failures);
    }
}
