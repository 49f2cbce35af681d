package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

class LicenseIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
            "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0"})
    void realIdentifiersValidateAndRoundTrip(String identifier) {
        LicenseId id = LicenseId.parse(identifier);
        assertThat(id.value()).isEqualTo(identifier);
        assertThat(LicenseId.isValid(identifier)).isTrue();
    }

    @Test
    void partsOfTheFirstRealExample() {
        LicenseId id = LicenseId.parse("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
        assertThat(id.typeCode()).isEqualTo("11100000000013338W011");
        assertThat(id.issuer()).isEqualTo(CreditCode.of("11430000006122244L"));
        assertThat(id.serial()).isEqualTo("20230000403");
        assertThat(id.version()).isEqualTo(1);
        assertThat(id.checkCharacter()).isEqualTo('U');
    }

    @Test
    void aChangedVersionHasItsOwnCheckCharacter() {
        LicenseId second = LicenseId.parse("1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0");
        LicenseId third = second.nextVersion();
        assertThat(third.versionText()).isEqualTo("003");
        assertThat(LicenseId.parse(third.value())).isEqualTo(third);
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', 'A', 'T', 'V', 'Z'})
    void wrongCheckCharacterIsRefusedWithTheRightOne(char wrong) {
        String text = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001." + wrong;
        assertThatThrownBy(() -> LicenseId.parse(text)).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.error()).isEqualTo(LicenseError.LICENSE_ID_INVALID);
            assertThat(e.args()[1]).isInstanceOfSatisfying(DefaultMessageSourceResolvable.class, reason -> {
                assertThat(reason.getCode()).isEqualTo("license.id.problem.check");
                assertThat(reason.getArguments()).containsExactly("U");
            });
        });
    }

    @Test
    void aSingleChangedCharacterIsDetected() {
        assertThat(LicenseId.isValid("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000404.001.U"))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.U",
            "1.2.156.3005.2.11100000000013338X011.11430000006122244L.20230000403.001.U",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244X.20230000403.001.U",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.01.U",
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.2023-0403.001.U"})
    void malformedIdentifiersAreRefused(String text) {
        assertThatThrownBy(() -> LicenseId.parse(text)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).error()).isEqualTo(LicenseError.LICENSE_ID_INVALID);
    }
}
