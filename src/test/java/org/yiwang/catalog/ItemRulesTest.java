package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.catalog.TestItems.SCJG;
import static org.yiwang.catalog.TestItems.material;
import static org.yiwang.catalog.TestItems.valid;
import static org.yiwang.catalog.TestItems.with;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.ErrorCode;
import org.yiwang.shared.RuleViolations.Violation;

class ItemRulesTest {

    private final ItemRules rules = new ItemRules(code -> code.equals(CreditCode.of(SCJG)), id -> id.equals("known"));
    private final ItemContent ok = valid(SCJG, "4440116010000");

    private List<ErrorCode> codes(ItemContent c, boolean publishing) {
        return rules.check(c, publishing).stream().map(Violation::error).toList();
    }

    private List<ErrorCode> codes(ItemContent c) {
        return codes(c, false);
    }

    @Test
    void aCompleteItemBreaksNoRule() {
        assertThat(rules.check(ok, true)).isEmpty();
    }

    @Test
    void promisedLimitMustNotExceedStatutory() {
        var c = with(ok, "promisedLimit", TimeLimit.workingDays(21));
        assertThat(rules.check(c, false)).singleElement().satisfies(v -> {
            assertThat(v.error()).isEqualTo(CatalogError.CATALOG_PROMISED_EXCEEDS_STATUTORY);
            assertThat(v.field()).isEqualTo("promisedLimit");
            assertThat(v.args()).containsExactly("21个工作日", "20个工作日");
        });
        assertThat(codes(with(ok, "promisedLimit", new TimeLimit(1, TimeUnit.MONTH)))).containsExactly(
                CatalogError.CATALOG_PROMISED_EXCEEDS_STATUTORY);
        assertThat(codes(with(ok, "promisedLimit", TimeLimit.workingDays(20)))).isEmpty();
    }

    @Test
    void onSiteVisitsNeedAReason() {
        assertThat(codes(with(ok, "onSiteVisits", 1))).containsExactly(CatalogError.CATALOG_ON_SITE_REASON_REQUIRED);
        assertThat(codes(with(ok, "onSiteVisits", 1, "onSiteVisitReason", " "))).containsExactly(
                CatalogError.CATALOG_ON_SITE_REASON_REQUIRED);
        assertThat(codes(with(ok, "onSiteVisits", 1, "onSiteVisitReason", "需现场核验原件"))).isEmpty();
        assertThat(codes(with(ok, "onSiteVisits", -1))).containsExactly(CatalogError.CATALOG_ON_SITE_VISITS_INVALID);
    }

    @Test
    void departmentMustBeAValidAndKnownCreditCode() {
        assertThat(codes(with(ok, "departmentCode", "11440300MB2C922611"))).containsExactly(
                CatalogError.CATALOG_DEPARTMENT_CODE_INVALID);
        String unknown = TestItems.WSJK;
        assertThat(codes(with(ok, "departmentCode", unknown, "implementationCode", unknown + "1"))).containsExactly(
                CatalogError.CATALOG_DEPARTMENT_UNKNOWN);
    }

    @Test
    void implementationCodeIsAtMost36AndStartsWithTheDepartment() {
        assertThat(codes(with(ok, "implementationCode", SCJG + "1234567890123456789"))).containsExactly(
                CatalogError.CATALOG_IMPLEMENTATION_CODE_INVALID);
        assertThat(codes(with(ok, "implementationCode", SCJG + "123456789012345678"))).isEmpty();
        assertThat(codes(with(ok, "implementationCode", ""))).containsExactly(
                CatalogError.CATALOG_IMPLEMENTATION_CODE_INVALID);
        assertThat(codes(with(ok, "implementationCode", "11440300MB2C925O1T4440116010000"))).containsExactly(
                CatalogError.CATALOG_IMPLEMENTATION_CODE_DEPARTMENT_MISMATCH);
    }

    @Test
    void basicAndHandlingItemCodesAreShortUppercaseAlphanumerics() {
        assertThat(codes(with(ok, "basicCode", "1234567890123"))).containsExactly(CatalogError.CATALOG_BASIC_CODE_INVALID);
        assertThat(codes(with(ok, "basicCode", "00020100a"))).containsExactly(CatalogError.CATALOG_BASIC_CODE_INVALID);
        assertThat(codes(with(ok, "basicCode", ""))).containsExactly(CatalogError.CATALOG_BASIC_CODE_INVALID);
        assertThat(codes(with(ok, "handlingItemCode", "X".repeat(50)))).isEmpty();
        assertThat(codes(with(ok, "handlingItemCode", "X".repeat(51)))).containsExactly(
                CatalogError.CATALOG_HANDLING_ITEM_CODE_INVALID);
        assertThat(codes(with(ok, "handlingItemCode", "AB-1"))).containsExactly(
                CatalogError.CATALOG_HANDLING_ITEM_CODE_INVALID);
    }

    @Test
    void nameServiceObjectAndFeesAreRequired() {
        assertThat(codes(with(ok, "name", "  "))).containsExactly(CatalogError.CATALOG_NAME_REQUIRED);
        assertThat(codes(with(ok, "serviceObjects", Set.of()))).containsExactly(
                CatalogError.CATALOG_SERVICE_OBJECT_REQUIRED);
        assertThat(codes(with(ok, "chargeable", true))).containsExactly(CatalogError.CATALOG_FEE_REQUIRED);
        assertThat(codes(with(ok, "chargeable", true, "fees", List.of(new Fee("工本费", "10元/证", "价格文件", null)))))
                .isEmpty();
    }

    @Test
    void missingEnumsAndLimitsAreReportedByField() {
        var c = with(ok, "type", null, "statutoryLimit", null);
        assertThat(rules.check(c, false)).extracting(Violation::error, Violation::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CatalogError.CATALOG_FIELD_REQUIRED, "type"),
                org.assertj.core.groups.Tuple.tuple(CatalogError.CATALOG_FIELD_REQUIRED, "statutoryLimit"));
    }

    @Test
    void materialKeysAreUniqueAndSituationsReferToThem() {
        var duplicate = with(ok, "materials", List.of(material("a", "甲"), material("a", "乙"), material("layout", "丙")));
        assertThat(rules.check(duplicate, false)).extracting(Violation::error, Violation::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CatalogError.CATALOG_MATERIAL_KEY_DUPLICATE, "materials[1].key"));
        var dangling = with(ok, "materials", List.of(material("application", "申请书")));
        assertThat(rules.check(dangling, false)).extracting(Violation::error, Violation::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CatalogError.CATALOG_SITUATION_MATERIAL_UNKNOWN,
                        "situations[0].answers[0].addsMaterials"),
                org.assertj.core.groups.Tuple.tuple(CatalogError.CATALOG_SITUATION_MATERIAL_UNKNOWN,
                        "situations[0].answers[1].removesMaterials"));
    }

    @Test
    void materialFilesMustExist() {
        var c = with(ok, "materials", List.of(TestItems.withFiles(material("application", "申请书"), "known", "missing"),
                material("layout", "图")));
        assertThat(rules.check(c, false)).extracting(Violation::field).containsExactly("materials[0].sampleFileId");
    }

    @Test
    void publishingNeedsMaterialsOrTheNoMaterialsStatement() {
        var none = with(ok, "materials", List.of(), "situations", List.of());
        assertThat(codes(none, false)).isEmpty();
        assertThat(codes(none, true)).containsExactly(CatalogError.CATALOG_MATERIALS_REQUIRED);
        assertThat(codes(with(none, "noMaterials", true), true)).isEmpty();
        assertThat(codes(with(ok, "noMaterials", true))).containsExactly(CatalogError.CATALOG_NO_MATERIALS_CONTRADICTION);
    }

    @Test
    void everyViolationOfOneSaveIsReported() {
        var c = with(ok, "name", "", "chargeable", true, "onSiteVisits", 2, "promisedLimit", TimeLimit.workingDays(30));
        assertThat(codes(c)).containsExactlyInAnyOrder(CatalogError.CATALOG_NAME_REQUIRED,
                CatalogError.CATALOG_FEE_REQUIRED, CatalogError.CATALOG_ON_SITE_REASON_REQUIRED,
                CatalogError.CATALOG_PROMISED_EXCEEDS_STATUTORY);
    }
}
