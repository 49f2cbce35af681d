package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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

    @Test
    void aFormWithPrefilledAndOwnFieldsBreaksNoRule() {
        var c = withForm(ok, field("enterprise", "企业名称", FormField.Type.TEXT, FormField.Prefill.ENTERPRISE_NAME),
                field("code", "统一社会信用代码", FormField.Type.CREDIT_CODE, FormField.Prefill.ENTERPRISE_CREDIT_CODE),
                field("agent", "经办人", FormField.Type.TEXT, FormField.Prefill.APPLICANT_NAME),
                field("agentMobile", "经办人手机", FormField.Type.MOBILE, FormField.Prefill.APPLICANT_MOBILE),
                select("kind", "经营类别", "餐饮服务", "食品销售"),
                field("legal_rep_id", "法定代表人身份证号码", FormField.Type.ID_NUMBER, null));
        assertThat(rules.check(c, true)).isEmpty();
    }

    @Test
    void fieldKeysAreRequiredWellFormedAndUnique() {
        var c = withForm(ok, field("", "甲", FormField.Type.TEXT, null), field("1st", "乙", FormField.Type.TEXT, null),
                field("a-b", "丙", FormField.Type.TEXT, null), field("x".repeat(41), "丁", FormField.Type.TEXT, null),
                field("x".repeat(40), "戊", FormField.Type.TEXT, null), field("area", "己", FormField.Type.TEXT, null),
                field("area", "庚", FormField.Type.TEXT, null));
        assertThat(rules.check(c, false)).extracting(Violation::error, Violation::field).containsExactly(
                tuple(CatalogError.CATALOG_FORM_FIELD_KEY_REQUIRED, "applicationForm.fields[0].key"),
                tuple(CatalogError.CATALOG_FORM_FIELD_KEY_INVALID, "applicationForm.fields[1].key"),
                tuple(CatalogError.CATALOG_FORM_FIELD_KEY_INVALID, "applicationForm.fields[2].key"),
                tuple(CatalogError.CATALOG_FORM_FIELD_KEY_INVALID, "applicationForm.fields[3].key"),
                tuple(CatalogError.CATALOG_FORM_FIELD_KEY_DUPLICATE, "applicationForm.fields[6].key"));
        assertThat(rules.check(c, false).get(4).args()).containsExactly("area");
    }

    @Test
    void labelsAndTypesAreRequired() {
        var c = withForm(ok, field("a", " ", FormField.Type.TEXT, null), field("b", "乙", null, null));
        assertThat(rules.check(c, false)).extracting(Violation::error, Violation::field).containsExactly(
                tuple(CatalogError.CATALOG_FORM_FIELD_LABEL_REQUIRED, "applicationForm.fields[0].label"),
                tuple(CatalogError.CATALOG_FORM_FIELD_TYPE_REQUIRED, "applicationForm.fields[1].type"));
        assertThat(rules.check(c, false).get(0).args()).containsExactly(1);
    }

    @Test
    void onlySelectFieldsHaveOptionsAndTheyAreUniqueAndNotBlank() {
        var c = withForm(ok, select("none", "甲"), select("twice", "乙", "是", "否", "是"), select("blank", "丙", "是", " "),
                new FormField("text", "丁", FormField.Type.TEXT, false, null, List.of("是"), null));
        assertThat(rules.check(c, false)).extracting(Violation::error, Violation::field).containsExactly(
                tuple(CatalogError.CATALOG_FORM_OPTIONS_REQUIRED, "applicationForm.fields[0].options"),
                tuple(CatalogError.CATALOG_FORM_OPTION_DUPLICATE, "applicationForm.fields[1].options"),
                tuple(CatalogError.CATALOG_FORM_OPTION_INVALID, "applicationForm.fields[2].options"),
                tuple(CatalogError.CATALOG_FORM_OPTIONS_NOT_ALLOWED, "applicationForm.fields[3].options"));
        assertThat(rules.check(c, false).get(1).args()).containsExactly("乙", "是");
        assertThat(rules.check(c, false).get(3).args()).containsExactly("丁", "单行文本");
    }

    @Test
    void aPrefilledFieldHasTheTypeOfItsDatum() {
        var c = withForm(ok, field("id", "身份证", FormField.Type.TEXT, FormField.Prefill.APPLICANT_ID_NUMBER),
                field("mobile", "手机", FormField.Type.TEXT, FormField.Prefill.APPLICANT_MOBILE),
                field("code", "信用代码", FormField.Type.TEXT, FormField.Prefill.ENTERPRISE_CREDIT_CODE),
                field("name", "姓名", FormField.Type.TEXTAREA, FormField.Prefill.APPLICANT_NAME),
                field("company", "企业", FormField.Type.SELECT, FormField.Prefill.ENTERPRISE_NAME));
        var persons = with(c, "serviceObjects", Set.of(ServiceObject.NATURAL_PERSON, ServiceObject.ENTERPRISE));
        assertThat(rules.check(persons, false)).extracting(Violation::error, Violation::field).containsExactly(
                tuple(CatalogError.CATALOG_FORM_PREFILL_TYPE_MISMATCH, "applicationForm.fields[0].prefill"),
                tuple(CatalogError.CATALOG_FORM_PREFILL_TYPE_MISMATCH, "applicationForm.fields[1].prefill"),
                tuple(CatalogError.CATALOG_FORM_PREFILL_TYPE_MISMATCH, "applicationForm.fields[2].prefill"),
                tuple(CatalogError.CATALOG_FORM_PREFILL_TYPE_MISMATCH, "applicationForm.fields[3].prefill"),
                tuple(CatalogError.CATALOG_FORM_OPTIONS_REQUIRED, "applicationForm.fields[4].options"),
                tuple(CatalogError.CATALOG_FORM_PREFILL_TYPE_MISMATCH, "applicationForm.fields[4].prefill"));
        assertThat(rules.check(persons, false).get(0).args()).containsExactly("身份证", "申请人身份证号码", "公民身份号码");
    }

    @Test
    void prefilledDataMustExistForTheItemsApplicants() {
        var idNumber = field("id", "身份证号码", FormField.Type.ID_NUMBER, FormField.Prefill.APPLICANT_ID_NUMBER);
        var company = field("company", "企业名称", FormField.Type.TEXT, FormField.Prefill.ENTERPRISE_NAME);
        var code = field("code", "信用代码", FormField.Type.CREDIT_CODE, FormField.Prefill.ENTERPRISE_CREDIT_CODE);
        var mobile = field("mobile", "手机", FormField.Type.MOBILE, FormField.Prefill.APPLICANT_MOBILE);
        var enterprisesOnly = withForm(ok, idNumber, company, code, mobile);
        assertThat(rules.check(enterprisesOnly, false)).extracting(Violation::error, Violation::field).containsExactly(
                tuple(CatalogError.CATALOG_FORM_PREFILL_NOT_FOR_APPLICANTS, "applicationForm.fields[0].prefill"));
        assertThat(codes(with(enterprisesOnly, "serviceObjects",
                Set.of(ServiceObject.ENTERPRISE, ServiceObject.NATURAL_PERSON)))).isEmpty();
        var personsOnly = with(enterprisesOnly, "serviceObjects", Set.of(ServiceObject.NATURAL_PERSON));
        assertThat(rules.check(personsOnly, false)).extracting(Violation::field).containsExactly(
                "applicationForm.fields[1].prefill", "applicationForm.fields[2].prefill");
        assertThat(rules.check(personsOnly, false).get(0).args()).containsExactly("企业名称", "企业名称");
    }

    @Test
    void aFormHasAtMostSixtyFields() {
        var sixty = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> field("f" + i, "字段" + i, FormField.Type.TEXT, null)).toList();
        assertThat(codes(with(ok, "applicationForm", new ApplicationForm(sixty)))).isEmpty();
        var more = new java.util.ArrayList<>(sixty);
        more.add(field("f60", "字段60", FormField.Type.TEXT, null));
        assertThat(rules.check(with(ok, "applicationForm", new ApplicationForm(more)), false))
                .singleElement().satisfies(v -> {
                    assertThat(v.error()).isEqualTo(CatalogError.CATALOG_FORM_TOO_MANY_FIELDS);
                    assertThat(v.field()).isEqualTo("applicationForm.fields");
                    assertThat(v.args()).containsExactly(61, 60);
                });
    }

    private static FormField field(String key, String label, FormField.Type type, FormField.Prefill prefill) {
        return new FormField(key, label, type, true, prefill, List.of(), null);
    }

    private static FormField select(String key, String label, String... options) {
        return new FormField(key, label, FormField.Type.SELECT, true, null, List.of(options), null);
    }

    private static ItemContent withForm(ItemContent c, FormField... fields) {
        return with(c, "applicationForm", new ApplicationForm(List.of(fields)));
    }
}
