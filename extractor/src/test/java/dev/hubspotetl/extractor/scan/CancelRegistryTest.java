package dev.hubspotetl.extractor.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubspotetl.extractor.hubspot.ScanStoppedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelRegistryTest {

    @Test
    void shouldRememberACancelWithItsReasonAndTellTheListenerOnce() {
        CancelRegistry cancels = new CancelRegistry();
        List<String> told = new ArrayList<>();
        cancels.onCancel(told::add);

        cancels.cancel("scan-1", "user asked");
        cancels.cancel("scan-1", "again");
        cancels.cancel("scan-2", null);

        assertThat(told).containsExactly("scan-1", "scan-2");
        assertThat(cancels.reason("scan-1")).contains("Cancelled: user asked");
        assertThat(cancels.reason("scan-2")).contains("Cancelled");
        assertThat(cancels.reason("scan-3")).isEmpty();
        assertThat(cancels.isCancelled("scan-3")).isFalse();
    }

    @Test
    void shouldHoldScansBackUntilEveryOlderCancelIsKnownUnlessTheyAreStopped() {
        CancelRegistry cancels = new CancelRegistry();

        assertThatThrownBy(() -> cancels.awaitCaughtUp(() -> true)).isInstanceOf(ScanStoppedException.class);
        cancels.markCaughtUp();
        cancels.awaitCaughtUp(() -> false);
        assertThat(cancels.caughtUp()).isTrue();
    }
}
