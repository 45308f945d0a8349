package dev.hubspotetl.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorConfigTest {

    @Test
    void shouldDefaultToHubSpotsStarterLimitsAndNoFaults() {
        SimulatorConfig config = SimulatorConfig.defaults();

        assertThat(config.port()).isZero();
        assertThat(config.rateLimitRequests()).isEqualTo(100);
        assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.searchRateLimitPerSecond()).isEqualTo(5);
        assertThat(config.faultRate()).isZero();
        assertThat(config.faultKinds()).containsExactlyInAnyOrder(FaultKind.values());
        assertThat(config.mutateBetweenPages()).isFalse();
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void shouldTurnEveryLimitOff() {
        SimulatorConfig config = SimulatorConfig.builder().noRateLimits().build();

        assertThat(config.rateLimited()).isFalse();
        assertThat(config.searchRateLimitPerSecond()).isZero();
    }

    @Test
    void shouldRejectValuesOutOfRange() {
        assertInvalid(SimulatorConfig.builder().port(70_000), "port");
        assertInvalid(SimulatorConfig.builder().deals(-1), "deals");
        assertInvalid(SimulatorConfig.builder().token(" "), "token");
        assertInvalid(SimulatorConfig.builder().rateLimit(-1, Duration.ofSeconds(10)), "rateLimitRequests");
        assertInvalid(SimulatorConfig.builder().rateLimit(10, Duration.ZERO), "rateLimitWindow");
        assertInvalid(SimulatorConfig.builder().faultRate(1.5), "faultRate");
        assertInvalid(SimulatorConfig.builder().faultRate(0.5).faultKinds(Set.of()), "fault kind");
        assertInvalid(SimulatorConfig.builder().archivedShare(-0.1), "archivedShare");
        assertInvalid(SimulatorConfig.builder().deals(10).sharedModificationInstantDeals(11), "sharedModificationInstantDeals");
        assertInvalid(SimulatorConfig.builder().maxUrlLength(10), "maxUrlLength");
        assertInvalid(SimulatorConfig.builder().slowAnswerDelay(Duration.ofSeconds(-1)), "slowAnswerDelay");
    }

    @Test
    void shouldParseFaultKindsByFlagOrName() {
        assertThat(FaultKind.parse("502")).isEqualTo(FaultKind.HTTP_502);
        assertThat(FaultKind.parse("DISCONNECT")).isEqualTo(FaultKind.DISCONNECT);
        assertThat(FaultKind.parse(" malformed ")).isEqualTo(FaultKind.MALFORMED_JSON);
        assertThatThrownBy(() -> FaultKind.parse("teapot")).hasMessageContaining("unknown fault kind");
    }

    private static void assertInvalid(SimulatorConfig.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
