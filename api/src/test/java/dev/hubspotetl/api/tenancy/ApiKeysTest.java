package dev.hubspotetl.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(Map.of("key-one-0123456789", "org-1", "key-two-0123456789", "org-2"));

    @Test
    void shouldResolveEachKeyToItsOrganization() {
        assertThat(keys.resolve("key-one-0123456789")).map(Tenant::organizationId).contains("org-1");
        assertThat(keys.resolve("key-two-0123456789")).map(Tenant::organizationId).contains("org-2");
    }

    @Test
    void shouldResolveNoTenantForMissingUnknownOrAlmostRightKeys() {
        assertThat(keys.resolve(null)).isEmpty();
        assertThat(keys.resolve("")).isEmpty();
        assertThat(keys.resolve("key-one-012345678")).isEmpty();
        assertThat(keys.resolve("KEY-ONE-0123456789")).isEmpty();
    }

    @Test
    void shouldLabelAKeyWithoutRevealingIt() {
        String label = ApiKeys.label("key-one-0123456789");

        assertThat(label).matches("key-[0-9a-f]{8}").doesNotContain("0123456789");
        assertThat(keys.resolve("key-one-0123456789").orElseThrow().label()).isEqualTo(label);
        assertThat(ApiKeys.label("key-two-0123456789")).isNotEqualTo(label);
    }
}
