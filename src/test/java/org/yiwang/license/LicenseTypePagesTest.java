package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.identity.StaffLogin;

/** 证照类型管理: platform administrators see every type and link or unlink the published items yielding it. */
class LicenseTypePagesTest extends LicenseTestBase {

    @Autowired
    ApplicationContext context;
    @Autowired
    LicenseTypes types;

    private StaffLogin.Session admin() {
        return platformAdmin(context);
    }

    /** A department administrator gets the 403 page for every page and form of the console, and nothing changes. */
    @Test
    void onlyPlatformAdministratorsManageTypes() {
        var departmentAdmin = StaffLogin.session(context, port, "ft-admin");
        String type = "/admin/license-types/" + MARRIAGE;
        for (String path : List.of("/admin/license-types", "/admin/license-types/new", type, type + "/edit")) {
            var refused = departmentAdmin.page(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("无权访问").doesNotContain("中华人民共和国结婚证");
        }
        String birth = LicenseReuseTest.BIRTH_REGISTRATION;
        assertThat(departmentAdmin.postForm(type + "/items", Map.of("itemCode", birth)).statusCode()).isEqualTo(403);
        assertThat(departmentAdmin.postForm(type + "/items/" + MARRIAGE_ITEM + "/unlink", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(departmentAdmin.postForm(type, Map.of("name", "改名")).statusCode()).isEqualTo(403);
        assertThat(types.typeOfItem(birth)).isEmpty();
        assertThat(types.typeOfItem(MARRIAGE_ITEM)).hasValue(MARRIAGE);
        assertThat(types.require(MARRIAGE).name()).isEqualTo("中华人民共和国结婚证");
        assertThat(admin().page(type).body()).contains(MARRIAGE_ITEM);
    }

    @Test
    void theListAndDetailShowTheDefinitionAndItems() {
        var admin = admin();
        assertThat(admin.page("/admin/license-types").body()).contains("中华人民共和国结婚证", MARRIAGE, "食品经营许可证",
                FOOD, "长期有效", "5 年");
        String detail = admin.page("/admin/license-types/" + FOOD).body();
        assertThat(detail).contains("食品经营许可证", "法人或其他组织", "统一社会信用代码", "自颁证之日起 5 年",
                "经营场所", "11440300MB2C9226100100129000000", "食品经营许可证核发");
        assertThat(admin.page("/admin/license-types/11100000MB0143028R9").statusCode()).isEqualTo(400);
        assertThat(admin.page("/admin/license-types/11100000MB0143028R999").statusCode()).isEqualTo(404);
    }

    @Test
    void linkingIsValidatedAndUnlinkingUndoesIt() {
        var admin = admin();
        String path = "/admin/license-types/" + MARRIAGE + "/items";

        var missing = admin.postForm(path, Map.of("itemCode", "11440300MB2C92501T2000112999999"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("不存在或未发布");
        var taken = admin.postForm("/admin/license-types/" + FOOD + "/items", Map.of("itemCode", MARRIAGE_ITEM));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("服务对象不含法人或其他组织");
        var twice = admin.postForm(path, Map.of("itemCode", MARRIAGE_ITEM));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("已产生证照类型 " + MARRIAGE);

        String birth = LicenseReuseTest.BIRTH_REGISTRATION;
        var linked = admin.postForm(path, Map.of("itemCode", birth));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(admin.page("/admin/license-types/" + MARRIAGE).body()).contains(birth, "生育登记");
        assertThat(types.typeOfItem(birth)).hasValue(MARRIAGE);

        var unlinked = admin.postForm(path + "/" + birth + "/unlink", Map.of());
        assertThat(unlinked.statusCode()).isEqualTo(302);
        assertThat(types.typeOfItem(birth)).isEmpty();
        var again = admin.postForm(path + "/" + birth + "/unlink", Map.of());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("未关联证照类型");
        assertThat(admin.page("/admin/license-types/" + MARRIAGE).body()).doesNotContain(birth);
    }
}
