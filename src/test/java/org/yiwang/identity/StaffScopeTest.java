package org.yiwang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

class StaffScopeTest {

    private static final CreditCode FUTIAN_CIVIL = CreditCode.of("11440304007550312P");
    private static final CreditCode NANSHAN_CIVIL = CreditCode.of("1144030500755089XE");
    private static final CreditCode CITY_MARKET = CreditCode.of("11440300MB2C922610");
    private static final DivisionCode SHENZHEN = DivisionCode.of("4403");
    private static final DivisionCode FUTIAN = DivisionCode.of("440304");
    private static final DivisionCode NANSHAN = DivisionCode.of("440305");

    @Test
    void aFutianClerkCoversFutianWorkOnly() {
        Staff clerk = staff(FUTIAN_CIVIL, FUTIAN, StaffRole.WINDOW_CLERK);
        assertThat(clerk.covers(FUTIAN_CIVIL, FUTIAN)).isTrue();
        assertThat(clerk.covers(CreditCode.of("11440304MB2C94806K"), FUTIAN)).isTrue();
        assertThat(clerk.covers(NANSHAN_CIVIL, NANSHAN)).isFalse();
        assertThat(clerk.covers(CITY_MARKET, SHENZHEN)).isFalse();
    }

    @Test
    void reviewersCoverTheirOwnDepartmentOnly() {
        Staff reviewer = staff(FUTIAN_CIVIL, FUTIAN, StaffRole.REVIEWER, StaffRole.APPROVER);
        assertThat(reviewer.covers(FUTIAN_CIVIL, FUTIAN)).isTrue();
        assertThat(reviewer.covers(CreditCode.of("11440304MB2C94806K"), FUTIAN)).isFalse();
        assertThat(reviewer.covers(NANSHAN_CIVIL, NANSHAN)).isFalse();
    }

    @Test
    void aCitySupervisorCoversEveryDistrictAndThePlatformAdministratorEverything() {
        Staff supervisor = staff(CreditCode.of("11440300MB2C94021Y"), SHENZHEN, StaffRole.SUPERVISOR);
        assertThat(supervisor.covers(FUTIAN_CIVIL, FUTIAN)).isTrue();
        assertThat(supervisor.covers(NANSHAN_CIVIL, NANSHAN)).isTrue();
        assertThat(supervisor.covers(CreditCode.of("114400000064000131"), DivisionCode.of("44"))).isFalse();
        Staff admin = staff(CreditCode.of("11440300MB2C94021Y"), SHENZHEN, StaffRole.PLATFORM_ADMIN);
        assertThat(admin.covers(CreditCode.of("114400000064000131"), DivisionCode.of("44"))).isTrue();
    }

    private static Staff staff(CreditCode department, DivisionCode region, StaffRole... roles) {
        return new Staff("t", "测试", department, region, Set.of(roles));
    }
}
