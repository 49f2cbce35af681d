package org.yiwang.license;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.PlatformTestBase;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.Workbench;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * What licence tests share besides {@link PlatformTestBase}: the demo enterprises and issuing departments, a marriage
 * registration completed at the 福田 window (即办件: accepted is completed) and direct issuance.
 */
abstract class LicenseTestBase extends PlatformTestBase {

    static final String FUTIAN_CIVIL = "11440304007550312P";
    static final String SHENZHEN_MARKET = "11440300MB2C922610";
    static final String MARRIAGE_ITEM = "11440304007550312P0700114001000";
    static final String MARRIAGE = "11100000000013186G001";
    static final String FOOD = "11100000MB0143028R002";
    /** 深圳市南山海岸餐饮管理有限公司, represented by 李娜. */
    static final String RESTAURANT = "91440305MA5H2D8Q1B";

    @Autowired
    Workbench workbench;
    @Autowired
    LicenseIssuance issuance;
    @Autowired
    LicenseStore store;
    @Autowired
    CaseLicenses caseLicenses;
    @Autowired
    Enterprises enterprises;

    /** A logged-in platform administrator of 福田, who manages the licence types. */
    StaffLogin.Session platformAdmin(ApplicationContext context) {
        return StaffLogin.session(port, StaffLogin.create(context, "ptadm", CreditCode.of(FUTIAN_CIVIL),
                DivisionCode.of("4403"), Set.of(StaffRole.PLATFORM_ADMIN)));
    }

    static Staff marketReviewer() {
        return staff(SHENZHEN_MARKET, "4403", StaffRole.REVIEWER);
    }

    /** 张三 marries 李娜 at the 福田 window: registered and accepted, which completes the immediate item. */
    String marriageCompleted() {
        Staff clerk = staff(FUTIAN_CIVIL, "440304", StaffRole.WINDOW_CLERK);
        CaseView registered = workbench.registerWalkIn(clerk, new Workbench.WalkIn(MARRIAGE_ITEM, "张三", ZHANG_SAN,
                "13700000001", Map.of("partnerName", "李娜", "partnerIdNumber", LI_NA, "appointmentDate",
                        "2026-05-20"), Map.of("military", "no"), List.of("m1", "m2", "m3")),
                UUID.randomUUID().toString());
        workbench.accept(clerk, registered.caseNumber(), null, "材料齐全，当场登记");
        return registered.caseNumber();
    }

    IssuedLicense foodLicence(String holder, String holderName) {
        return issuance.issue(marketReviewer(), new LicenseIssuance.Issue(FOOD, new LicenseIssuance.Holder(
                LicenseType.HolderKind.ENTERPRISE, holderName, holder), Map.of("premisesAddress",
                "深圳市南山区海德三道1号", "mainBusiness", "餐饮服务经营者", "businessItems", "热食类食品制售"), null));
    }

    /** A token of 李娜 acting as the restaurant's legal representative. */
    String restaurantToken() {
        enterprises.claim(profile(LI_NA).accountId(), RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        return token(LI_NA, RESTAURANT, "enterprise");
    }
}
