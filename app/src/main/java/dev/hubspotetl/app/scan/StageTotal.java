package dev.hubspotetl.app.scan;

import java.math.BigDecimal;
import java.util.Optional;

/** One line of the seed's "count deals by stage" query: the stage, its deals and their amount. */
public record StageTotal(Optional<String> stage, long deals, Optional<BigDecimal> amount) {
}
