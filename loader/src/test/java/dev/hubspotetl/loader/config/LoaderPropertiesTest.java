package dev.hubspotetl.loader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LoaderPropertiesTest {

    @Test
    void shouldTakeBatchFetchSettingsInRange() {
        assertThat(loader(DataSize.ofBytes(1), Duration.ZERO).batchMinBytes()).isEqualTo(DataSize.ofBytes(1));
        assertThat(loader(DataSize.ofMegabytes(64), Duration.ofSeconds(10)).batchMaxWait())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseBatchFetchSettingsOutOfRange() {
        assertThatThrownBy(() -> loader(DataSize.ofBytes(0), Duration.ofMillis(300)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.loader.batch-min-bytes must be from 1B to 64MB, was 0B");
        assertThatThrownBy(() -> loader(DataSize.ofMegabytes(65), Duration.ofMillis(300)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-min-bytes");
        assertThatThrownBy(() -> loader(DataSize.ofMegabytes(1), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-max-wait");
        assertThatThrownBy(() -> loader(DataSize.ofMegabytes(1), Duration.ofSeconds(11)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etl.loader.batch-max-wait must be from 0 to 10s, was PT11S");
    }

    private static LoaderProperties.Loader loader(DataSize minBytes, Duration maxWait) {
        return new LoaderProperties.Loader("deals", "scans", 2, 2000, minBytes, maxWait, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(15), null);
    }
}
