package org.yiwang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "11100000000013338W", "11430000006122244L", "11330105002500287C"})
    void acceptsRealCreditCodes(String code) {
        assertThat(CreditCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "9135010OM000100Y43", "", "11100000000013338I"})
    void refusesInvalidCreditCodes(String code) {
        assertThatThrownBy(() -> CreditCode.of(code))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(CommonError.INVALID_CREDIT_CODE));
    }

    @Test
    void validatesIdNumberCheckCharacter() {
        IdNumber id = IdNumber.of("11010519491231002X");
        assertThat(id.birthDate()).hasYear(1949);
        assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
        assertThatThrownBy(() -> IdNumber.of("110105194912310021")).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> IdNumber.of("11010519491331002X")).isInstanceOf(BusinessException.class);
    }

    @Test
    void divisionCodesKnowTheirParents() {
        DivisionCode futian = DivisionCode.of("440304");
        assertThat(futian.level()).isEqualTo(DivisionLevel.COUNTY);
        assertThat(futian.parent()).contains(DivisionCode.of("4403"));
        assertThat(futian.isWithin(DivisionCode.of("44"))).isTrue();
        assertThatThrownBy(() -> DivisionCode.of("4403a4")).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> DivisionCode.of("99")).isInstanceOf(BusinessException.class);
    }

    @Test
    void masksPersonalDataInFreeText() {
        assertThat(Masking.inText("申请人11010519491231002X，电话13812345678"))
                .isEqualTo("申请人110105********002X，电话138****5678");
    }

    @Test
    void identifiersAreJsonStrings() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        record Holder(CreditCode credit, DivisionCode division) {
        }
        Holder h = json.readValue("{\"credit\":\"91350100M000100Y43\",\"division\":\"440304\"}", Holder.class);
        assertThat(h.credit()).isEqualTo(CreditCode.of("91350100M000100Y43"));
        assertThat(json.writeValueAsString(h)).isEqualTo("{\"credit\":\"91350100M000100Y43\",\"division\":\"440304\"}");
        assertThatThrownBy(() -> json.readValue("{\"credit\":\"91350100M000100Y44\",\"division\":\"440304\"}", Holder.class))
                .hasRootCauseInstanceOf(BusinessException.class);
    }
}
