package org.yiwang.catalog;

import java.util.List;
import java.util.Set;

/** Complete, valid item contents to start tests from. */
final class TestItems {

    /** 深圳市市场监督管理局 and 深圳市卫生健康委员会 of the demo departments. */
    static final String SCJG = "11440300MB2C922610";
    static final String WSJK = "11440300MB2C92501T";

    private TestItems() {
    }

    static ItemContent valid(String departmentCode, String suffix) {
        return new ItemContent("000201001", departmentCode + suffix, null, "食品经营许可（测试）", ItemType.LICENSING,
                departmentCode, ExerciseLevel.CITY, "《中华人民共和国食品安全法》第三十五条",
                TimeLimit.workingDays(20), TimeLimit.workingDays(10), null, CaseType.PROMISED, 0, null, false,
                List.of(), "具有与经营的食品品种、数量相适应的经营场所", List.of(
                        material("application", "食品经营许可申请书"),
                        material("layout", "经营场所平面布局图")),
                false, List.of(new Situation("chain", "是否为连锁经营？", List.of(
                        new Situation.Answer("yes", "是", List.of("layout"), List.of()),
                        new Situation.Answer("no", "否", List.of(), List.of("layout"))))),
                Set.of(ServiceObject.ENTERPRISE), Set.of(HandlingForm.WINDOW, HandlingForm.ONLINE_PC),
                OnlineDepth.ONLINE_HANDLING, true, false, true, "申请—受理—审查—决定—送达", "食品经营许可证",
                ResultType.CERTIFICATE, Set.of(Theme.FOOD_AND_DRUGS), List.of("食品", "许可"),
                "深圳市福田区深南大道7010号", "周一至周五 9:00-12:00, 14:00-18:00", "12345", "12315", List.of(),
                ApplicationForm.NONE, false);
    }

    static Material material(String key, String name) {
        return new Material(key, name, true, false, Material.MaterialForm.PAPER_OR_ELECTRONIC, 1,
                Material.MaterialSource.APPLICANT, null, null, null, null, null, null, null);
    }

    static Material withFiles(Material m, String blankForm, String sample) {
        return new Material(m.key(), m.name(), m.required(), m.conditional(), m.form(), m.copies(), m.source(),
                m.sourceDescription(), blankForm, sample, m.notes(), m.acceptanceStandard(), m.legalBasis(),
                m.licenceTypeCode());
    }

    /** A copy of {@code c} with some components replaced, by name. */
    static ItemContent with(ItemContent c, Object... namesAndValues) {
        var components = ItemContent.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(c);
            }
            for (int i = 0; i < namesAndValues.length; i += 2) {
                boolean found = false;
                for (int j = 0; j < components.length; j++) {
                    if (components[j].getName().equals(namesAndValues[i])) {
                        values[j] = namesAndValues[i + 1];
                        found = true;
                    }
                }
                if (!found) {
                    throw new IllegalArgumentException("no component " + namesAndValues[i]);
                }
            }
            Class<?>[] types = java.util.Arrays.stream(components).map(java.lang.reflect.RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            return ItemContent.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
