package dev.hubspotetl.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hubspotetl.api.deals.DealFilter;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void shouldTakeInTheWholeDayOfADateCloseToAndTheExactInstantOfADateTime() {
        QueryParams params = new QueryParams();
        DealFilter byDate = params.dealFilter(null, null, null, "2024-01-01", "2024-12-31", null, null);
        DealFilter byTime = params.dealFilter(null, null, null, "2024-01-01T10:00:00+02:00", "2024-12-31T00:00:00Z",
                "true", "");
        params.check();

        assertThat(byDate.closeFrom()).isEqualTo(LocalDateTime.parse("2024-01-01T00:00"));
        assertThat(byDate.closeTo()).isEqualTo(LocalDateTime.parse("2024-12-31T23:59:59.999999"));
        assertThat(byTime.closeFrom()).isEqualTo(LocalDateTime.parse("2024-01-01T08:00"));
        assertThat(byTime.closeTo()).isEqualTo(LocalDateTime.parse("2024-12-31T00:00"));
        assertThat(byTime.archived()).isTrue();
        assertThat(byTime.query()).as("an empty q filters nothing").isNull();
    }

    @Test
    void shouldCollectEveryBadParameter() {
        QueryParams params = new QueryParams();
        params.paging("-1", "0", 50, 500);
        params.dealFilter(null, null, null, "2024-13-01", "soon", "yes", null);
        params.oneOf("sort", "amount desc", v -> java.util.Optional.empty(), null, java.util.List.of("amount"));

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, params::check);

        assertThat(e.details()).extracting(ApiError.Detail::field)
                .containsExactlyInAnyOrder("page", "size", "close_from", "close_to", "archived", "sort");
    }

    @Test
    void shouldDefaultAndBoundPaging() {
        QueryParams params = new QueryParams();
        QueryParams.Paging defaults = params.paging(null, null, 50, 500);
        QueryParams.Paging last = params.paging("3", "500", 50, 500);
        params.check();

        assertThat(defaults).isEqualTo(new QueryParams.Paging(0, 50));
        assertThat(last.offset()).isEqualTo(1500);
        QueryParams tooFar = new QueryParams();
        tooFar.paging(String.valueOf(Integer.MAX_VALUE), "500", 50, 500);
        assertThat(catchThrowableOfType(InvalidRequestException.class, tooFar::check)).isNotNull();
    }
}
