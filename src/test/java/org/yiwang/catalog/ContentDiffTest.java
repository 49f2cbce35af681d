package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.catalog.TestItems.material;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContentDiffTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ItemContent before = TestItems.valid(TestItems.SCJG, "4440116010000");

    @Test
    void listsEachChangedLeafWithItsPath() {
        var after = TestItems.with(before, "name", "食品经营许可（新）", "promisedLimit", TimeLimit.workingDays(5),
                "materials", List.of(material("application", "食品经营许可申请书"), material("layout", "平面图"),
                        material("id", "营业执照")));
        assertThat(ContentDiff.between(json, before, after)).containsExactly(
                new ItemChange.FieldChange("name", "食品经营许可（测试）", "食品经营许可（新）"),
                new ItemChange.FieldChange("promisedLimit.value", "10", "5"),
                new ItemChange.FieldChange("materials[1].name", "经营场所平面布局图", "平面图"),
                new ItemChange.FieldChange("materials[2]", null, json.writeValueAsString(material("id", "营业执照"))));
    }

    @Test
    void equalContentHasNoChangeAndSetOrderDoesNotMatter() {
        var reordered = TestItems.with(before, "handlingForms",
                new java.util.LinkedHashSet<>(List.of(HandlingForm.ONLINE_PC, HandlingForm.WINDOW)));
        assertThat(ContentDiff.between(json, before, reordered)).isEmpty();
    }

    @Test
    void aNewItemListsItsFilledFields() {
        var changes = ContentDiff.between(json, null, before);
        assertThat(changes).extracting(ItemChange.FieldChange::path)
                .contains("name", "materials", "statutoryLimit").doesNotContain("fees", "handlingItemCode");
        assertThat(changes).allSatisfy(c -> assertThat(c.before()).isNull());
    }
}
