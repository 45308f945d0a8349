package dev.hubspotetl.api.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealFilterTest {

    @Test
    void shouldEscapeLikeWildcardsAndTheEscapeCharacter() {
        assertThat(DealFilter.containsPattern("100%")).isEqualTo("%100\\%%");
        assertThat(DealFilter.containsPattern("a_b")).isEqualTo("%a\\_b%");
        assertThat(DealFilter.containsPattern("C:\\x")).isEqualTo("%C:\\\\x%");
        assertThat(DealFilter.containsPattern("'; DROP TABLE t; --")).isEqualTo("%'; DROP TABLE t; --%");
        assertThat(DealFilter.containsPattern("Ünï 🚀")).isEqualTo("%Ünï 🚀%");
    }

    @Test
    void shouldKeepEveryValueOutOfTheSqlText() {
        String hostile = "x' OR '1'='1";
        DealFilter filter = new DealFilter(hostile, hostile, hostile, LocalDateTime.parse("2024-01-01T00:00"),
                LocalDateTime.parse("2024-02-01T00:00"), false, hostile);
        List<Object> args = new ArrayList<>();

        String sql = filter.conditions(args);

        assertThat(sql).doesNotContain(hostile).isEqualTo(" AND deal_stage = ? AND pipeline = ? AND hubspot_owner_id = ?"
                + " AND close_date >= ? AND close_date <= ? AND archived = ?"
                + " AND (deal_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
        assertThat(args).containsExactly(hostile, hostile, hostile, LocalDateTime.parse("2024-01-01T00:00"),
                LocalDateTime.parse("2024-02-01T00:00"), false, "%" + hostile + "%", "%" + hostile + "%");
    }

    @Test
    void shouldAddNoConditionForAnEmptyFilter() {
        List<Object> args = new ArrayList<>();
        assertThat(DealFilter.NONE.conditions(args)).isEmpty();
        assertThat(args).isEmpty();
    }

    @Test
    void shouldOrderOnlyByWhitelistedColumnsWithATieBreaker() {
        assertThat(DealSort.DEFAULT.orderBy()).isEqualTo(" ORDER BY close_date DESC, deal_id DESC");
        assertThat(new DealSort(DealSort.Field.AMOUNT, DealSort.Direction.ASC).orderBy())
                .isEqualTo(" ORDER BY amount ASC, deal_id ASC");
        assertThat(DealSort.Field.of("amount; DROP TABLE x")).isEmpty();
        assertThat(DealSort.Field.of("deal_name")).contains(DealSort.Field.DEAL_NAME);
        assertThat(DealSort.Direction.of("DESC")).isEmpty();
        assertThat(DealSort.Direction.of("desc")).contains(DealSort.Direction.DESC);
    }
}
