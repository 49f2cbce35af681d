package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;

class LicenseIssuanceTest extends LicenseTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    LicenseLibrary library;

    @Test
    void aCompletedMarriageRegistrationIssuesTheMarriageLicence() {
        String caseNumber = marriageCompleted();

        IssuedLicense licence = store.findByCase(caseNumber).orElseThrow();
        assertThat(licence.identifier().typeCode()).isEqualTo(MARRIAGE);
        assertThat(licence.identifier().issuer().value()).isEqualTo(FUTIAN_CIVIL);
        assertThat(licence.identifier().version()).isEqualTo(1);
        assertThat(LicenseId.isValid(licence.identifier().value())).isTrue();
        assertThat(licence.holderName()).isEqualTo("张三");
        assertThat(licence.holderCodeMasked()).isEqualTo("440304********0013");
        assertThat(licence.metadata()).containsEntry("partnerName", "李娜").containsEntry("partnerIdNumber", LI_NA);
        assertThat(licence.storedStatus()).isEqualTo(LicenseStatus.VALID);
        assertThat(licence.validUntil()).isNull();
        assertThat(licence.source()).isEqualTo("CASE");
        assertThat(licence.sealed()).isTrue();
        assertThat(LicenseDocumentsTest.identifierOf(store.file(licence.id()))).isEqualTo(licence.identifier().value());
        assertThat(caseLicenses.pending()).doesNotContain(caseNumber);
    }

    @Test
    void theDemoNodeIssuesItsDemoLicencesSealed() {
        var marriage = library.validLicence(MARRIAGE, WANG_WU).map(LicenseId::parse).flatMap(store::find);
        var food = library.validLicence(FOOD, RESTAURANT).map(LicenseId::parse).flatMap(store::find);

        assertThat(marriage).hasValueSatisfying(l -> {
            assertThat(l.sealed()).isTrue();
            assertThat(l.metadata()).containsEntry("partnerName", "孙梅");
        });
        assertThat(food).hasValueSatisfying(l -> assertThat(l.issuerName()).isEqualTo("深圳市市场监督管理局"));
    }

    @Test
    void aPendingIssuanceIsRetriedAndIssuedOnce() {
        String caseNumber = marriageCompleted();
        jdbc.sql("INSERT INTO license_pending_issuance (case_number, type_code, created_at) VALUES (?, ?, now())")
                .params(caseNumber, MARRIAGE).update();

        assertThat(caseLicenses.issuePending(caseNumber)).isTrue();

        assertThat(caseLicenses.pending()).doesNotContain(caseNumber);
        assertThat(jdbc.sql("SELECT count(*) FROM license WHERE case_number = ?").param(caseNumber)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void serialNumbersFollowEachOtherPerTypeAndIssuer() {
        IssuedLicense first = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        IssuedLicense second = foodLicence("91440300MA5G7H1P6T", "深圳市福田明德贸易有限公司");

        assertThat(Long.parseLong(second.identifier().serial()))
                .isEqualTo(Long.parseLong(first.identifier().serial()) + 1);
        assertThat(first.validUntil()).isEqualTo(first.issuedOn().plusYears(5).minusDays(1));
    }

    @Test
    void directIssuanceNeedsAnIssuingRoleTheRightHolderAndEveryRequiredField() {
        var holder = new LicenseIssuance.Holder(LicenseType.HolderKind.ENTERPRISE, "某公司", RESTAURANT);
        assertThatThrownBy(() -> issuance.issue(staff(SHENZHEN_MARKET, "4403", StaffRole.WINDOW_CLERK),
                new LicenseIssuance.Issue(FOOD, holder, Map.of(), null)))
                .extracting(e -> ((BusinessException) e).error()).isEqualTo(LicenseError.LICENSE_ROLE_REQUIRED);
        assertThatThrownBy(() -> issuance.issue(marketReviewer(), new LicenseIssuance.Issue(FOOD, holder,
                Map.of("premisesAddress", "深圳市南山区", "mainBusiness", "餐饮服务经营者"), null)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.error()).isEqualTo(LicenseError.LICENSE_FIELD_MISSING);
                    assertThat(e.args()).containsExactly("经营项目");
                });
        var person = new LicenseIssuance.Holder(LicenseType.HolderKind.PERSON, "张三", ZHANG_SAN);
        assertThatThrownBy(() -> issuance.issue(marketReviewer(), new LicenseIssuance.Issue(FOOD, person,
                Map.of("premisesAddress", "a", "mainBusiness", "b", "businessItems", "c"), null)))
                .extracting(e -> ((BusinessException) e).error()).isEqualTo(LicenseError.LICENSE_HOLDER_INVALID);
    }

    @Test
    void aChangeIssuesTheNextVersionAndSupersedesTheOld() {
        IssuedLicense first = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");

        IssuedLicense second = issuance.change(marketReviewer(), first.identifier(),
                Map.of("businessItems", "热食类食品制售、冷食类食品制售"), "增加经营项目");

        assertThat(second.identifier()).isEqualTo(first.identifier().nextVersion());
        assertThat(second.metadata()).containsEntry("businessItems", "热食类食品制售、冷食类食品制售")
                .containsEntry("premisesAddress", "深圳市南山区海德三道1号");
        IssuedLicense old = store.find(first.identifier()).orElseThrow();
        assertThat(old.storedStatus()).isEqualTo(LicenseStatus.SUPERSEDED);
        assertThat(old.statusReason()).isEqualTo("增加经营项目");
        assertThat(store.history(second.identifier())).extracting(LicenseStore.HistoryEntry::action)
                .containsExactly("ISSUE", "CHANGE");
    }

    @Test
    void revocationNeedsAReasonAndTheIssuingDepartment() {
        IssuedLicense licence = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");

        assertThatThrownBy(() -> issuance.end(marketReviewer(), licence.identifier(),
                LicenseIssuance.StatusAction.REVOKE, " ")).extracting(e -> ((BusinessException) e).error())
                .isEqualTo(LicenseError.LICENSE_REASON_REQUIRED);
        assertThatThrownBy(() -> issuance.end(staff(FUTIAN_CIVIL, "440304", StaffRole.APPROVER),
                licence.identifier(), LicenseIssuance.StatusAction.REVOKE, "违法经营"))
                .extracting(e -> ((BusinessException) e).error()).isEqualTo(LicenseError.LICENSE_NOT_YOUR_DEPARTMENT);
        assertThat(store.find(licence.identifier()).orElseThrow().storedStatus()).isEqualTo(LicenseStatus.VALID);

        IssuedLicense revoked = issuance.end(marketReviewer(), licence.identifier(),
                LicenseIssuance.StatusAction.REVOKE, "以欺骗手段取得许可");

        assertThat(revoked.storedStatus()).isEqualTo(LicenseStatus.REVOKED);
        assertThat(revoked.statusReason()).isEqualTo("以欺骗手段取得许可");
        assertThatThrownBy(() -> issuance.end(marketReviewer(), licence.identifier(),
                LicenseIssuance.StatusAction.CANCEL, "歇业")).isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.error()).isEqualTo(LicenseError.LICENSE_NOT_VALID);
                    assertThat(e.args()).containsExactly("已撤销", "注销");
                });
    }
}
