package org.yiwang.catalog.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.yiwang.catalog.CaseType;
import org.yiwang.catalog.ExerciseLevel;
import org.yiwang.catalog.HandlingForm;
import org.yiwang.catalog.ApplicationForm;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.ItemType;
import org.yiwang.catalog.Material;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.catalog.Theme;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.department.Department;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** Hand-made items and departments for index tests. */
final class SearchFixtures {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private SearchFixtures() {
    }

    /** A valid credit code of a government organ (11) in the given division with an 8-digit organisation number. */
    static CreditCode creditCode(String division, String organisation) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (organisation.charAt(i) - '0') * ORG_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        String org = organisation + (c9 == 10 ? "X" : c9 == 11 ? "0" : String.valueOf(c9));
        String first17 = "11" + division + org;
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CreditCode.of(first17 + ALPHABET.charAt((31 - total % 31) % 31));
    }

    static Department department(CreditCode code, String name, String region) {
        return new Department(code, name, name, DivisionCode.of(region), Department.DepartmentLevel.COUNTY,
                "地址", "0755-12345678", "工作日 9:00-17:00", null);
    }

    static PublishedItem item(String code, String name, CreditCode department, List<String> keywords,
            List<String> materials, Set<ServiceObject> objects, Set<Theme> themes, OnlineDepth depth) {
        List<Material> materialList = materials.stream()
                .map(m -> new Material("m" + m.hashCode(), m, true, false, Material.MaterialForm.ELECTRONIC, 1,
                        Material.MaterialSource.APPLICANT, null, null, null, null, null, null, null))
                .toList();
        var content = new ItemContent("000000000001", code, null, name, ItemType.PUBLIC_SERVICE, department.value(),
                ExerciseLevel.COUNTY, "《中华人民共和国行政许可法》", TimeLimit.workingDays(20), TimeLimit.workingDays(5),
                null, CaseType.PROMISED, 0, null, false, List.of(), "申请人符合法定条件", materialList, materials.isEmpty(),
                List.of(), objects, Set.of(HandlingForm.WINDOW, HandlingForm.ONLINE_PC), depth, false, false, false,
                "申请、受理、审核、办结", null, null, themes, keywords, "服务大厅", "工作日", "12345", "12345", List.of(), ApplicationForm.NONE, false);
        return new PublishedItem(code, 1, content, Instant.parse("2025-01-01T00:00:00Z"));
    }
}
