package org.yiwang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** The scope rule of {@link Staff#covers}: 福田区 work is not 南山区 work; 深圳市 covers both. */
class StaffScopeTest {

    static final CreditCode FT_CIVIL = CreditCode.of("11440304007550312P");
    static final CreditCode NS_CIVIL = CreditCode.of("1144030500755089XE");
    static final CreditCode FT_HEALTH = CreditCode.of("11440304MB2C94806K");
    static final CreditCode NS_HEALTH = CreditCode.of("11440305MB2C95024P");
    static final CreditCode SZ_DATA = CreditCode.of("11440300MB2C94021Y");
    static final DivisionCode FUTIAN = DivisionCode.of("440304");
    static final DivisionCode NANSHAN = DivisionCode.of("440305");
    static final DivisionCode FUTIAN_STREET = DivisionCode.of("440304001");
    static final DivisionCode SHENZHEN = DivisionCode.of("4403");

    static Staff staff(CreditCode department, DivisionCode region, StaffRole... roles) {
        return new Staff("s", "工作人员", department, region, Set.of(roles));
    }

    @Test
    void windowClerksCoverEveryDepartmentOfTheirRegionAndBelowOnly() {
        Staff clerk = staff(FT_CIVIL, FUTIAN, StaffRole.WINDOW_CLERK);
        assertThat(clerk.covers(FT_CIVIL, FUTIAN)).isTrue();
        assertThat(clerk.covers(FT_HEALTH, FUTIAN)).as("一窗受理 for every department of 福田区").isTrue();
        assertThat(clerk.covers(FT_CIVIL, FUTIAN_STREET)).isTrue();
        assertThat(clerk.covers(NS_CIVIL, NANSHAN)).as("福田 clerk, 南山 work").isFalse();
        assertThat(clerk.covers(FT_CIVIL, NANSHAN)).isFalse();
        assertThat(clerk.covers(SZ_DATA, SHENZHEN)).as("the city above").isFalse();
    }

    @Test
    void supervisorsCoverTheirRegionAndEverythingBelow() {
        Staff city = staff(SZ_DATA, DivisionCode.of("440300"), StaffRole.SUPERVISOR);
        assertThat(city.covers(FT_CIVIL, FUTIAN)).isTrue();
        assertThat(city.covers(NS_HEALTH, NANSHAN)).isTrue();
        assertThat(city.covers(SZ_DATA, SHENZHEN)).isTrue();
        assertThat(city.covers(SZ_DATA, DivisionCode.of("440106"))).as("广州市天河区").isFalse();
        Staff district = staff(NS_CIVIL, NANSHAN, StaffRole.SUPERVISOR);
        assertThat(district.covers(NS_HEALTH, NANSHAN)).isTrue();
        assertThat(district.covers(FT_HEALTH, FUTIAN)).isFalse();
    }

    @Test
    void reviewersApproversAndDepartmentAdministratorsCoverTheirDepartmentOnly() {
        for (StaffRole role : Set.of(StaffRole.REVIEWER, StaffRole.APPROVER, StaffRole.DEPARTMENT_ADMIN)) {
            Staff s = staff(FT_CIVIL, FUTIAN, role);
            assertThat(s.covers(FT_CIVIL, FUTIAN)).as(role.name()).isTrue();
            assertThat(s.covers(FT_HEALTH, FUTIAN)).as(role.name()).isFalse();
            assertThat(s.covers(NS_CIVIL, NANSHAN)).as(role.name()).isFalse();
        }
    }

    @Test
    void platformAdministratorsCoverEverythingAndRolesAddUp() {
        Staff admin = staff(SZ_DATA, SHENZHEN, StaffRole.PLATFORM_ADMIN);
        assertThat(admin.covers(NS_HEALTH, NANSHAN)).isTrue();
        assertThat(admin.covers(CreditCode.of("11100000000013338W"), DivisionCode.of("11"))).isTrue();

        Staff both = staff(FT_CIVIL, FUTIAN, StaffRole.WINDOW_CLERK, StaffRole.REVIEWER);
        assertThat(both.covers(StaffRole.WINDOW_CLERK, FT_HEALTH, FUTIAN)).isTrue();
        assertThat(both.covers(StaffRole.REVIEWER, FT_HEALTH, FUTIAN)).as("reviews only for its department").isFalse();
        assertThat(both.covers(StaffRole.APPROVER, FT_CIVIL, FUTIAN)).as("a role it does not hold").isFalse();
    }

    @Test
    void departmentAdministratorsManageTheirDepartmentsClerksReviewersAndApproversOnly() {
        Staff deptAdmin = new Staff("ft-admin", "管理员", FT_CIVIL, FUTIAN, Set.of(StaffRole.DEPARTMENT_ADMIN));
        assertThat(deptAdmin.mayGrant(Set.of(StaffRole.WINDOW_CLERK, StaffRole.REVIEWER, StaffRole.APPROVER))).isTrue();
        for (StaffRole role : Staff.PLATFORM_GRANTED) {
            assertThat(deptAdmin.mayGrant(Set.of(role))).as(role.name()).isFalse();
        }
        assertThat(deptAdmin.mayAdminister(staff(FT_CIVIL, FUTIAN, StaffRole.REVIEWER))).isTrue();
        assertThat(deptAdmin.mayAdminister(staff(FT_HEALTH, FUTIAN, StaffRole.REVIEWER))).isFalse();
        assertThat(deptAdmin.mayAdminister(staff(FT_CIVIL, FUTIAN, StaffRole.DEPARTMENT_ADMIN))).isFalse();
        assertThat(deptAdmin.mayAdminister(deptAdmin)).as("not their own account").isFalse();
        assertThat(deptAdmin.maySeeStaffOf(FT_CIVIL)).isTrue();
        assertThat(deptAdmin.maySeeStaffOf(NS_CIVIL)).isFalse();
        Staff clerk = staff(FT_CIVIL, FUTIAN, StaffRole.WINDOW_CLERK);
        assertThat(clerk.administersStaff()).isFalse();
        assertThat(clerk.mayAdminister(staff(FT_CIVIL, FUTIAN, StaffRole.REVIEWER))).isFalse();
    }
}
