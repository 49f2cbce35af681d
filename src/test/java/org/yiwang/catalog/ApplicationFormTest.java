package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.RuleViolations;

class ApplicationFormTest {

    private final ApplicationForm form = new ApplicationForm(List.of(
            new FormField("name", "申请人姓名", FormField.Type.TEXT, true, FormField.Prefill.APPLICANT_NAME, null, null),
            new FormField("address", "经营地址", FormField.Type.TEXT, true, null, null, null),
            new FormField("area", "面积（平方米）", FormField.Type.NUMBER, false, null, null, null),
            new FormField("opening", "开业日期", FormField.Type.DATE, false, null, null, null),
            new FormField("kind", "经营类别", FormField.Type.SELECT, true, null, List.of("餐饮", "零售"), null),
            new FormField("contact", "联系电话", FormField.Type.MOBILE, false, null, null, null)));

    @Test
    void acceptsAFormFilledAccordingToItsFields() {
        form.check(Map.of("address", "深圳市福田区深南大道1号", "area", "35.5", "opening", "2026-12-01", "kind", "餐饮",
                "contact", "13700000001"));
    }

    @Test
    void listsEveryProblemAtOnceWithTheFieldKeys() {
        assertThatThrownBy(() -> form.check(Map.of("area", "三十", "opening", "2026-13-01", "kind", "娱乐",
                "contact", "12345", "extra", "x")))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.error().code())
                        .containsExactlyInAnyOrder("extra:CATALOG_FORM_FIELD_UNKNOWN",
                                "address:CATALOG_FORM_VALUE_REQUIRED", "area:CATALOG_FORM_VALUE_INVALID",
                                "opening:CATALOG_FORM_VALUE_INVALID", "kind:CATALOG_FORM_VALUE_INVALID",
                                "contact:CATALOG_FORM_VALUE_INVALID"));
    }

    @Test
    void situationAnswersChooseTheMaterials() {
        Material id = material("id", false);
        Material lease = material("lease", true);
        Material deed = material("deed", true);
        Material photo = material("photo", false);
        var situation = new Situation("premises", "经营场所是否租赁？", List.of(
                new Situation.Answer("rented", "租赁", List.of("lease"), List.of()),
                new Situation.Answer("owned", "自有", List.of("deed"), List.of("photo"))));
        ItemContent content = withMaterials(List.of(id, lease, deed, photo), List.of(situation));

        assertThat(content.materialsFor(Map.of("premises", "rented"))).containsExactly(id, lease, photo);
        assertThat(content.materialsFor(Map.of("premises", "owned"))).containsExactly(id, deed);
        assertThatThrownBy(() -> content.materialsFor(Map.of()))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .extracting(v -> v.error().code()).containsExactly("CATALOG_SITUATION_UNANSWERED"));
        assertThatThrownBy(() -> content.materialsFor(Map.of("premises", "borrowed", "other", "x")))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactlyInAnyOrder("premises", "other"));
    }

    private static Material material(String key, boolean conditional) {
        return new Material(key, key, true, conditional, Material.MaterialForm.ELECTRONIC, 1,
                Material.MaterialSource.APPLICANT, null, null, null, null, null, null, null);
    }

    private static ItemContent withMaterials(List<Material> materials, List<Situation> situations) {
        return TestItems.with(TestItems.valid(TestItems.SCJG, "0000001"), "materials", materials, "situations",
                situations);
    }
}
