package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.StaffLogin;

/** 我的证照, the public verification page and the staff console's licence pages, over HTTP without scripts. */
class LicensePagesTest extends LicenseTestBase {

    @Autowired
    ApplicationContext context;

    private LoopbackClient zhangSan() {
        LoopbackClient client = new LoopbackClient(port, "127.0.12.1");
        client.get("/account/login");
        client.post("/account/login/password", Map.of("loginName", ZHANG_SAN, "password", "Citizen@2026"));
        return client;
    }

    @Test
    void theCitizenSeesDownloadsAndLendsTheirLicence() {
        String id = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
        LoopbackClient client = zhangSan();

        assertThat(client.get("/account/licenses").body()).contains("中华人民共和国结婚证", id, "有效");
        var detail = client.get("/account/licenses/" + id);
        assertThat(detail.body()).contains("对方姓名", "李娜", "440304********0013", "颁发（第1版）")
                .doesNotContain(ZHANG_SAN);
        assertThat(client.get("/account/licenses/" + id + "/file").headers().get("content-type"))
                .contains("application/ofd");

        var granted = client.post("/account/licenses/" + id + "/grants", Map.of("grantee", "某银行深圳分行",
                "purpose", "办理个人住房贷款", "expiresOn", LocalDate.now(WorkingDayCalendar.ZONE).plusDays(5).toString()));
        Matcher code = Pattern.compile("id=\"grant-code\">([A-Z0-9]{16})<").matcher(granted.body());
        assertThat(code.find()).isTrue();
        assertThat(granted.body()).contains("data:image/svg+xml;base64,", "某银行深圳分行");

        LoopbackClient bank = new LoopbackClient(port, "127.0.12.2");
        bank.get("/licenses/shared?code=" + code.group(1));
        var copy = bank.post("/licenses/shared", Map.of("code", code.group(1)));
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.headers().get("content-type")).contains("application/ofd");

        var wrong = new LoopbackClient(port, "127.0.12.3").get("/account/licenses/" + id);
        assertThat(wrong.status()).isEqualTo(302);
    }

    @Test
    void anotherPersonsLicencePageIsNotFound() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");

        assertThat(zhangSan().get("/account/licenses/" + food.identifier().value()).status()).isEqualTo(404);
    }

    @Test
    void thePublicVerificationPageShowsStatusAndReason() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        issuance.end(marketReviewer(), food.identifier(), LicenseIssuance.StatusAction.CANCEL, "申请人主动申请注销");

        var page = new LoopbackClient(port, "127.0.12.4").get("/licenses/verify?id=" + food.identifier().value());

        assertThat(page.body()).contains("证照无效", "已注销（原因：申请人主动申请注销）", "深圳市南山海岸餐饮管理有限公司",
                "深圳市市场监督管理局");
        var bad = new LoopbackClient(port, "127.0.12.4").get("/licenses/verify?id=1.2.156.3005.2.X");
        assertThat(bad.body()).contains("证照无效", "格式或校验码不正确");
    }

    @Test
    void departmentStaffIssueAndRevokeInTheConsole() {
        var staff = StaffLogin.session(context, port, "scjg-admin");
        assertThat(staff.page("/admin/licenses").body()).contains("颁发食品经营许可证");
        assertThat(staff.page("/admin/licenses/new?type=" + FOOD).body()).contains("经营场所", "统一社会信用代码");

        var issued = staff.postForm("/admin/licenses", Map.of("typeCode", FOOD, "holderName", "深圳市福田明德贸易有限公司",
                "holderCode", "91440300MA5G7H1P6T", "f.premisesAddress", "深圳市福田区福华路1号",
                "f.mainBusiness", "食品销售经营者", "f.businessItems", "预包装食品销售"));
        assertThat(issued.statusCode()).isEqualTo(302);
        String location = issued.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.indexOf("/admin/licenses/") + "/admin/licenses/".length(),
                location.indexOf('?'));
        assertThat(LicenseId.isValid(id)).isTrue();

        var noReason = staff.postForm("/admin/licenses/" + id + "/end", Map.of("action", "REVOKE", "reason", ""));
        assertThat(noReason.body()).contains("请填写撤销的原因");
        staff.postForm("/admin/licenses/" + id + "/end", Map.of("action", "REVOKE", "reason", "隐瞒有关情况取得许可"));
        assertThat(staff.page("/admin/licenses/" + id).body()).contains("已撤销（隐瞒有关情况取得许可）");
        assertThat(get("/api/v1/licenses/" + id + "/status", null).body()).contains("\"status\":\"REVOKED\"");

        var futian = StaffLogin.session(context, port, "ft-reviewer");
        assertThat(futian.page("/admin/licenses/" + id).statusCode()).isEqualTo(404);
    }
}
