package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.LinkedMultiValueMap;
import org.yiwang.identity.StaffLogin;
import org.yiwang.shared.BusinessException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 证照类型管理, creating and editing: a type entered on the console's form (definition and OFD layout) is stored,
 * shown, and issued like a shipped one; bad input is refused with the Chinese message and changes nothing.
 */
class LicenseTypeConsoleTest extends LicenseTestBase {

    /** Type numbers of this class under the 深圳市市场监督管理局 code, apart from the shipped ones. */
    private static final AtomicInteger NUMBER = new AtomicInteger(900);

    @Autowired
    ApplicationContext context;
    @Autowired
    LicenseTypes types;
    @Autowired
    JsonMapper json;
    @Autowired
    LicenseTypeConsole console;
    @Autowired
    MessageSource messages;

    private StaffLogin.Session admin() {
        return platformAdmin(context);
    }

    private static String newCode() {
        return SHENZHEN_MARKET + NUMBER.incrementAndGet();
    }

    /** A hotel licence: one own field (客房数量) placed with the holder, number and issuer on an A5 landscape page. */
    private static List<Map.Entry<String, String>> hotel(String code, Map<String, String> changes) {
        Map<String, String> one = new java.util.LinkedHashMap<>(Map.of("code", code, "name", "旅馆业特种行业许可证",
                "holderKind", "ENTERPRISE", "validityYears", "3", "width", "210", "height", "148", "title",
                "特种行业许可证", "titleY", "12", "titleSize", "8"));
        one.putAll(Map.of("codeX", "162", "codeY", "100", "codeSize", "30", "sealX", "120", "sealY", "90",
                "sealSize", "40"));
        one.putAll(changes);
        List<Map.Entry<String, String>> form = new ArrayList<>(one.entrySet());
        row(form, "field", "roomCount", "客房数量", "rooms", "true");
        row(form, "field", "", "", "", "false");
        for (String[] placed : new String[][] {{"holderName", "20", "34", "4.5", "true"},
                {"roomCount", "20", "46", "4.5", "false"}, {changes.getOrDefault("thirdPlaced", "number"), "20", "58",
                        changes.getOrDefault("thirdX", "4.5"), "false"}, {"issuer", "20", "70", "4.5", "false"}}) {
            row(form, "placed", placed);
        }
        return form;
    }

    private static void row(List<Map.Entry<String, String>> form, String prefix, String... values) {
        String[] names = prefix.equals("field") ? new String[] {"fieldKey", "fieldLabel", "fieldFormKey",
                "fieldRequired"} : new String[] {"placedField", "placedX", "placedY", "placedSize", "placedBold"};
        for (int i = 0; i < names.length; i++) {
            form.add(Map.entry(names[i], values[i]));
        }
    }

    @Test
    void aCreatedTypeIsShownAndIssuedWithItsLayout() throws Exception {
        var admin = admin();
        assertThat(admin.page("/admin/license-types").body()).contains("/admin/license-types/new");
        assertThat(admin.page("/admin/license-types/new").body()).contains("新建证照类型", "holderName");
        String code = newCode();

        var created = admin.postForm("/admin/license-types", hotel(code, Map.of()));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/license-types/" + code
                + "?created");
        assertThat(admin.page("/admin/license-types").body()).contains("旅馆业特种行业许可证", code, "3 年");
        assertThat(admin.page("/admin/license-types/" + code).body()).contains("客房数量", "rooms",
                "法人或其他组织", "自颁证之日起 3 年", "210.0 × 148.0", "边长 30.0");

        IssuedLicense licence = issuance.issue(marketReviewer(), new LicenseIssuance.Issue(code,
                new LicenseIssuance.Holder(LicenseType.HolderKind.ENTERPRISE, "深圳市南山海岸餐饮管理有限公司", RESTAURANT),
                Map.of("roomCount", "48"), null));
        IssuedLicense stored = store.find(licence.identifier()).orElseThrow();
        assertThat(stored.typeName()).isEqualTo("旅馆业特种行业许可证");
        assertThat(stored.identifier().typeCode()).isEqualTo(code);
        assertThat(stored.metadata()).containsEntry("roomCount", "48");
        assertThat(stored.validUntil()).isEqualTo(stored.issuedOn().plusYears(3).minusDays(1));
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(store.file(stored.id())))) {
            assertThat(reader.getPageSize(1).getWidth()).isEqualTo(210d);
            assertThat(reader.getPageSize(1).getHeight()).isEqualTo(148d);
            assertThat(String.join("\n", new ContentExtractor(reader).extractAll())).contains("特种行业许可证",
                    "持证人：深圳市南山海岸餐饮管理有限公司", "客房数量：48", "颁证单位：");
        }
    }

    @Test
    void editingChangesTheDefinitionButNotTheCode() {
        var admin = admin();
        String code = newCode();
        assertThat(admin.postForm("/admin/license-types", hotel(code, Map.of())).statusCode()).isEqualTo(302);
        assertThat(admin.page("/admin/license-types/" + code + "/edit").body()).contains("旅馆业特种行业许可证",
                "roomCount", "readonly");

        var saved = admin.postForm("/admin/license-types/" + code, hotel("ignored", Map.of("name", "旅馆业许可证",
                "validityYears", "", "codeSize", "28")));
        assertThat(saved.statusCode()).isEqualTo(302);
        LicenseType type = types.require(code);
        assertThat(type.name()).isEqualTo("旅馆业许可证");
        assertThat(type.validityYears()).isNull();
        assertThat(type.layout().code().size()).isEqualTo(28d);
        assertThat(types.find("ignored")).isEmpty();

        // once an item yields it, the holder kind stays
        var holder = admin.postForm("/admin/license-types/" + MARRIAGE, hotel(MARRIAGE, Map.of("holderKind",
                "ENTERPRISE")));
        assertThat(holder.statusCode()).isEqualTo(409);
        assertThat(holder.body()).contains("持证主体不能再改");
        assertThat(types.require(MARRIAGE).holderKind()).isEqualTo(LicenseType.HolderKind.PERSON);
        assertThat(types.require(MARRIAGE).name()).isEqualTo("中华人民共和国结婚证");
    }

    /**
     * The start-up import of {@code types.json} keeps a shipped type edited in the console, and writes the shipped
     * definition again over the same row once it is no longer marked as edited.
     */
    @Test
    void theStartUpImportKeepsAShippedTypeEditedInTheConsole() throws Exception {
        LicenseType shipped;
        try (InputStream in = new ClassPathResource("license/types.json").getInputStream()) {
            shipped = json.readValue(in, new TypeReference<List<LicenseType>>() {
            }).stream().filter(t -> t.code().equals(FOOD)).findFirst().orElseThrow();
        }
        assertThat(types.require(FOOD).name()).isEqualTo(shipped.name());
        try {
            assertThat(admin().postForm("/admin/license-types/" + FOOD, hotel(FOOD, Map.of())).statusCode())
                    .isEqualTo(302);
            types.run(new DefaultApplicationArguments());
            LicenseType kept = types.require(FOOD);
            assertThat(kept.name()).isEqualTo("旅馆业特种行业许可证");
            assertThat(kept.fields()).extracting(LicenseType.Field::key).containsExactly("roomCount");
            assertThat(kept.layout().code().size()).isEqualTo(30d);
        } finally {
            jdbc.sql("UPDATE license_type SET edited_in_console = false WHERE code = ?").param(FOOD).update();
            types.run(new DefaultApplicationArguments());
        }
        assertThat(types.require(FOOD)).usingRecursiveComparison().ignoringFields("items").isEqualTo(shipped);
    }

    /** Programs get one stable code for a bad definition, people what is wrong in their own language. */
    @Test
    void whatIsWrongIsSaidInTheReadersLanguage() throws Exception {
        for (var c : List.of(
                List.of("width", "abc", "页面宽度“abc”不是数字", "the page width \"abc\" is not a number"),
                List.of("thirdPlaced", "holderName", "版式中的“holderName”放置了两次",
                        "\"holderName\" is placed twice in the layout"))) {
            var form = new LinkedMultiValueMap<String, String>();
            hotel(newCode(), Map.of(c.get(0), c.get(1))).forEach(e -> form.add(e.getKey(), e.getValue()));
            assertThatThrownBy(() -> console.create(LicenseTypeForm.of(form).toType()))
                    .isInstanceOfSatisfying(BusinessException.class, e -> {
                        assertThat(e.error()).isEqualTo(LicenseError.LICENSE_TYPE_DEFINITION_INVALID);
                        assertThat(messages.getMessage("error." + e.error().code(), e.args(), Locale.CHINA))
                                .isEqualTo("证照类型定义不正确：" + c.get(2) + "。");
                        assertThat(messages.getMessage("error." + e.error().code(), e.args(), Locale.ENGLISH))
                                .isEqualTo("The licence type definition is not valid: " + c.get(3) + ".");
                    });
        }
        Properties chinese = new Properties();
        Properties english = new Properties();
        try (var zh = new ClassPathResource("i18n/license.properties").getInputStream();
                var en = new ClassPathResource("i18n/license_en.properties").getInputStream()) {
            chinese.load(zh);
            english.load(en);
        }
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
    }

    @Test
    void badDefinitionsAreRefusedWithTheirReasonAndNothingIsStored() {
        var admin = admin();
        String code = newCode();
        record Case(Map<String, String> changes, int status, String message) {
            String code() {
                return status == 409 ? "LICENSE_TYPE_EXISTS" : changes.containsKey("code") ? "LICENSE_TYPE_CODE_INVALID"
                        : "LICENSE_TYPE_DEFINITION_INVALID";
            }
        }
        for (Case c : List.of(
                new Case(Map.of("code", "11440300MB2C922611901"), 400, "证照类型代码“11440300MB2C922611901”不正确"),
                new Case(Map.of("code", MARRIAGE), 409, "证照类型代码 " + MARRIAGE + " 已被使用"),
                new Case(Map.of("name", " "), 400, "证照名称必填"),
                new Case(Map.of("holderKind", "ALIEN"), 400, "请选择持证主体"),
                new Case(Map.of("validityYears", "0"), 400, "有效期应为1至100年"),
                new Case(Map.of("validityYears", "两年"), 400, "有效期“两年”应为整数年数"),
                new Case(Map.of("width", "abc"), 400, "页面宽度“abc”不是数字"),
                new Case(Map.of("thirdPlaced", "spouse"), 400, "版式中的“spouse”不是本类型的信息项或通用信息项"),
                new Case(Map.of("thirdPlaced", "holderName"), 400, "版式中的“holderName”放置了两次"),
                new Case(Map.of("thirdX", "40"), 400, "字号应在1.5至20毫米之间"),
                new Case(Map.of("codeX", "200"), 400, "二维码应不小于15毫米，整体位于页面内"),
                new Case(Map.of("sealSize", "80"), 400, "印章直径应在20至60毫米之间"))) {
            var refused = admin.postForm("/admin/license-types", hotel(c.changes().getOrDefault("code", code),
                    c.changes()));
            assertThat(refused.statusCode()).as(c.message()).isEqualTo(c.status());
            assertThat(refused.body()).as(c.message()).contains(c.message(), "错误代码：<code>" + c.code(), "新建证照类型");
        }
        assertThat(types.find(code)).isEmpty();
        assertThat(types.require(MARRIAGE).name()).isEqualTo("中华人民共和国结婚证");

        var clerk = StaffLogin.session(context, port, "ft-admin");
        assertThat(clerk.page("/admin/license-types/new").statusCode()).isEqualTo(403);
        assertThat(clerk.postForm("/admin/license-types", hotel(code, Map.of())).statusCode()).isEqualTo(403);
        assertThat(types.find(code)).isEmpty();
    }
}
