package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.IdentityError;
import org.yiwang.shared.BusinessException;

/**
 * Production refuses the development SMS outbox; without a gateway codes are refused alike; levels, acr values and
 * masked client addresses.
 */
class SafeguardsTest {

    @Test
    void outboxSenderIsRefusedUnderTheProdProfile() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new SmsSenders().outboxSmsSender(null, prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(new SmsSenders().outboxSmsSender(null, demo)).isNotNull();
    }

    @Test
    void withoutAnSmsGatewayEveryCodeIsRefusedAlikeBeforeAnythingIsLookedUp() {
        SmsCodes codes = new SmsCodes(null, null, new SmsSenders().unavailableSmsSender());
        for (boolean registered : new boolean[] {true, false}) {
            assertThatThrownBy(() -> codes.issue("13700000001", SmsCodes.Purpose.RESET, registered, "203.0.113.7"))
                    .isInstanceOfSatisfying(BusinessException.class,
                            e -> assertThat(e.error()).isEqualTo(IdentityError.IDENTITY_SMS_UNAVAILABLE));
        }
    }

    @Test
    void levelsAreOrderedWithLabelsAndAcrValues() {
        assertThat(AssuranceLevel.POPULATION_CONFIRMED.atLeast(AssuranceLevel.FORMAT_CHECKED)).isTrue();
        assertThat(AssuranceLevel.POPULATION_CONFIRMED.atLeast(AssuranceLevel.FACE_CONFIRMED)).isFalse();
        assertThat(AssuranceLevel.ofRank(3)).isEqualTo(AssuranceLevel.POPULATION_CONFIRMED);
        assertThat(AssuranceLevel.FACE_CONFIRMED.acr()).isEqualTo("urn:yiwang:acr:4");
        assertThat(AssuranceLevel.CERTIFICATE_OR_WINDOW.label()).isEqualTo("数字证书或窗口核验");
    }

    @Test
    void clientAddressesAreKeptAsTheirNetwork() {
        assertThat(new ClientInfo("203.0.113.77", "").maskedAddress()).isEqualTo("203.0.113.0/24");
        assertThat(new ClientInfo("2001:db8:85a3:0:0:8a2e:370:7334", "").maskedAddress())
                .isEqualTo("2001:db8:85a3::/48");
        assertThat(new ClientInfo("2001:db8:0:1::7", "").maskedAddress()).isEqualTo("2001:db8::/48");
        assertThat(new ClientInfo("0:0:0:0:0:0:0:1", "").maskedAddress()).isEqualTo("::/48");
        assertThat(new ClientInfo("unknown", "").maskedAddress()).isEqualTo("-");
    }
}
