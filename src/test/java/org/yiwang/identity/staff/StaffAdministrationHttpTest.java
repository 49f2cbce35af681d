package org.yiwang.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 工作人员管理 over the JSON API and the pages: platform administrators manage everyone; a department administrator
 * sees only their department's staff (another department's account is 404, not 403) and cannot grant platform,
 * supervisor or department-administrator roles; every change is in the account's change record.
 */
@IntegrationTest
class StaffAdministrationHttpTest {

    static final String API = "/api/v1/admin/staff";
    static final CreditCode FT_CIVIL = CreditCode.of("11440304007550312P");
    static final CreditCode NS_CIVIL = CreditCode.of("1144030500755089XE");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;

    @Test
    void aPlatformAdministratorCreatesChangesAndResetsAnAccount() {
        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        String username = unique("ns-new");
        var created = admin.send("POST", API, """
                {"username":"%s","displayName":"南山新同事","departmentCode":"%s","regionCode":"440305",
                 "roles":["WINDOW_CLERK","SUPERVISOR"]}""".formatted(username, NS_CIVIL.value()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(API + "/" + username);
        JsonNode body = read(created);
        assertThat(body.get("temporaryPassword").asString()).hasSize(14);
        assertThat(body.get("account").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(body.get("account").get("totpEnrolled").asBoolean()).isFalse();
        assertThat(body.get("account").get("regionCode").asString()).isEqualTo("440305");

        var patched = admin.send("PATCH", API + "/" + username, """
                {"displayName":"南山窗口","roles":["WINDOW_CLERK"],"status":"DISABLED","resetTotp":true,
                 "resetPassword":true}""");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode after = read(patched).get("account");
        assertThat(after.get("displayName").asString()).isEqualTo("南山窗口");
        assertThat(after.get("roles").valueStream().map(JsonNode::asString)).containsExactly("WINDOW_CLERK");
        assertThat(after.get("status").asString()).isEqualTo("DISABLED");
        assertThat(after.get("updatedBy").asString()).isEqualTo(admin.username());
        assertThat(read(patched).get("temporaryPassword").asString()).hasSize(14)
                .isNotEqualTo(body.get("temporaryPassword").asString());

        JsonNode detail = read(admin.send("GET", API + "/" + username, null));
        assertThat(detail.get("changes").valueStream().map(c -> c.get("action").asString())).containsExactly(
                "PASSWORD_RESET", "TOTP_RESET", "DISABLED", "PROFILE_CHANGED", "CREATED");
        assertThat(detail.get("changes").valueStream().map(c -> c.get("actor").asString()))
                .containsOnly(admin.username());
        assertThat(detail.get("changes").get(3).get("detail").asString())
                .isEqualTo("姓名 南山新同事 → 南山窗口；角色 窗口人员、监督人员 → 窗口人员");

        var page = admin.page("/admin/staff/" + username);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>南山窗口（" + username + "）</h1>").contains("变更记录")
                .contains("重置动态验证码").contains("修改姓名或角色").contains(admin.username());
        assertThat(read(admin.send("GET", API + "?department=" + NS_CIVIL.value(), null)).valueStream()
                .map(a -> a.get("username").asString())).contains(username, "ns-clerk").doesNotContain("ft-clerk");
    }

    @Test
    void badInputIsRefusedWithStableCodesAndCreatesNothing() {
        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        String username = unique("bad");
        assertProblem(create(admin, "Bad Name", FT_CIVIL.value(), "", "WINDOW_CLERK"), 400,
                "IDENTITY_STAFF_USERNAME_INVALID");
        assertProblem(create(admin, "ft-clerk", FT_CIVIL.value(), "", "WINDOW_CLERK"), 409,
                "IDENTITY_STAFF_USERNAME_TAKEN");
        assertProblem(create(admin, username, "91350100M000100Y43", "", "WINDOW_CLERK"), 400,
                "IDENTITY_STAFF_DEPARTMENT_UNKNOWN");
        assertProblem(create(admin, username, FT_CIVIL.value(), "440305", "WINDOW_CLERK"), 400,
                "IDENTITY_STAFF_REGION_INVALID");
        assertProblem(create(admin, username, FT_CIVIL.value(), "", ""), 400, "IDENTITY_STAFF_ROLES_INVALID");
        assertProblem(create(admin, username, FT_CIVIL.value(), "", "EMPEROR"), 400, "IDENTITY_STAFF_ROLES_INVALID");
        assertProblem(admin.send("PATCH", API + "/ft-clerk", "{\"status\":\"SLEEPING\"}"), 400,
                "IDENTITY_STAFF_STATUS_INVALID");
        assertThat(admin.send("GET", API + "/" + username, null).statusCode()).isEqualTo(404);
        assertProblem(admin.send("PATCH", API + "/" + admin.username(), "{\"roles\":[\"WINDOW_CLERK\"]}"), 403,
                "IDENTITY_STAFF_NOT_ADMINISTRABLE");
    }

    @Test
    void aDepartmentAdministratorManagesOnlyTheirDepartmentAndCannotGrantHigherRoles() {
        StaffLogin.Session ftAdmin = StaffLogin.session(context, port, "ft-admin");
        StaffLogin.Account colleague = StaffLogin.create(context, "ftmate", FT_CIVIL, DivisionCode.of("440304"),
                Set.of(StaffRole.REVIEWER));
        StaffLogin.Account peerAdmin = StaffLogin.create(context, "ftpeer", FT_CIVIL, DivisionCode.of("440304"),
                Set.of(StaffRole.DEPARTMENT_ADMIN));

        JsonNode list = read(ftAdmin.send("GET", API, null));
        assertThat(list.valueStream().map(a -> a.get("departmentCode").asString())).containsOnly(FT_CIVIL.value());
        assertThat(list.valueStream().map(a -> a.get("username").asString())).contains("ft-clerk",
                colleague.username()).doesNotContain("ns-clerk", "admin");
        assertThat(read(ftAdmin.send("GET", API + "?department=" + NS_CIVIL.value(), null))).isEmpty();

        var foreign = ftAdmin.send("GET", API + "/ns-clerk", null);
        assertProblem(foreign, 404, "IDENTITY_STAFF_NOT_FOUND");
        assertProblem(ftAdmin.send("PATCH", API + "/ns-clerk", "{\"status\":\"DISABLED\"}"), 404,
                "IDENTITY_STAFF_NOT_FOUND");
        assertThat(ftAdmin.page("/admin/staff/ns-clerk").statusCode()).isEqualTo(404);
        assertThat(ftAdmin.page("/admin/staff/ns-clerk").body()).contains("未找到工作人员账号“ns-clerk”");
        assertProblem(ftAdmin.send("PATCH", API + "/admin", "{\"status\":\"DISABLED\"}"), 404,
                "IDENTITY_STAFF_NOT_FOUND");

        String username = unique("ftnew");
        assertProblem(create(ftAdmin, username, FT_CIVIL.value(), "", "PLATFORM_ADMIN"), 403,
                "IDENTITY_STAFF_ROLE_NOT_GRANTABLE");
        assertProblem(create(ftAdmin, username, FT_CIVIL.value(), "", "DEPARTMENT_ADMIN"), 403,
                "IDENTITY_STAFF_ROLE_NOT_GRANTABLE");
        assertProblem(create(ftAdmin, username, NS_CIVIL.value(), "", "WINDOW_CLERK"), 403, "ACCESS_DENIED");
        assertThat(ftAdmin.send("GET", API + "/" + username, null).statusCode()).isEqualTo(404);
        assertProblem(ftAdmin.send("PATCH", API + "/" + colleague.username(), "{\"roles\":[\"SUPERVISOR\"]}"), 403,
                "IDENTITY_STAFF_ROLE_NOT_GRANTABLE");
        assertProblem(ftAdmin.send("PATCH", API + "/" + peerAdmin.username(), "{\"resetPassword\":true}"), 403,
                "IDENTITY_STAFF_NOT_ADMINISTRABLE");
        assertThat(read(ftAdmin.send("GET", API + "/" + colleague.username(), null)).get("account").get("roles")
                .valueStream().map(JsonNode::asString)).containsExactly("REVIEWER");

        assertThat(create(ftAdmin, username, FT_CIVIL.value(), "440304", "WINDOW_CLERK").statusCode())
                .isEqualTo(201);
        var renamed = ftAdmin.send("PATCH", API + "/" + colleague.username(), "{\"roles\":[\"REVIEWER\",\"APPROVER\"]}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

        var pageList = ftAdmin.page("/admin/staff");
        assertThat(pageList.body()).contains(colleague.username()).contains(username).doesNotContain("ns-clerk");
        assertThat(ftAdmin.page("/admin/staff/new").body()).contains("value=\"WINDOW_CLERK\"")
                .doesNotContain("value=\"PLATFORM_ADMIN\"").doesNotContain("value=\"DEPARTMENT_ADMIN\"")
                .doesNotContain(NS_CIVIL.value());
        assertThat(ftAdmin.page("/admin/staff/" + peerAdmin.username()).body()).contains("您可以查看但不能管理此账号")
                .doesNotContain("password-reset");
    }

    @Test
    void theFormsCreateAnAccountShowItsPasswordOnceAndChangeIt() {
        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        String username = unique("form");
        var created = admin.postForm("/admin/staff", Map.of("username", username, "displayName", "表单创建",
                "departmentCode", FT_CIVIL.value(), "regionCode", "", "roles", "APPROVER"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("账号已创建").contains("临时密码只显示这一次")
                .containsPattern("<code class=\"totp-secret\">[A-Za-z0-9]{14}</code>");
        assertThat(admin.page("/admin/staff/" + username).body()).doesNotContain("临时密码只显示这一次");

        var refused = admin.postForm("/admin/staff", Map.of("username", username, "displayName", "重复",
                "departmentCode", FT_CIVIL.value(), "regionCode", "", "roles", "APPROVER"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("用户名“" + username + "”已被使用").contains("value=\"重复\"");

        var saved = admin.postForm("/admin/staff/" + username, Map.of("displayName", "表单修改", "roles",
                "REVIEWER"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var disabled = admin.postForm("/admin/staff/" + username + "/status", Map.of("status", "DISABLED"));
        assertThat(disabled.statusCode()).isEqualTo(302);
        String page = admin.page("/admin/staff/" + username).body();
        assertThat(page).contains("表单修改").contains("已停用").contains("审查人员").contains("启用账号");
        var reset = admin.postForm("/admin/staff/" + username + "/password-reset", Map.of());
        assertThat(reset.body()).contains("密码已重置").contains("临时密码只显示这一次");
        assertThat(admin.page("/admin/staff").body()).contains(username);
    }

    @Test
    void onlyAdministratorsReachTheStaffAdministrationAndTheApiNeedsLoginAndCsrf() throws Exception {
        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        assertThat(clerk.send("GET", API, null).statusCode()).isEqualTo(403);
        assertThat(clerk.page("/admin/staff").statusCode()).isEqualTo(403);
        assertThat(clerk.page("/admin/me").body()).doesNotContain("href=\"/admin/staff\"");

        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + API)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        String username = unique("csrf");
        var withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + API)).header("Content-Type", "application/json")
                .header("Cookie", admin.cookie()).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"displayName\":\"x\",\"departmentCode\":\""
                                + FT_CIVIL.value() + "\",\"roles\":[\"WINDOW_CLERK\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(admin.send("GET", API + "/" + username, null).statusCode()).isEqualTo(404);
        assertThat(admin.page("/admin").body()).contains("href=\"/admin/staff\"").contains("href=\"/admin/me\"");
    }

    @Test
    void staffChangeTheirOwnPasswordAndEndTheirOtherSessions() {
        StaffLogin.Account account = StaffLogin.like(context, "ft-reviewer");
        StaffLogin.Session first = StaffLogin.session(port, account);
        StaffLogin.Session second = StaffLogin.session(port, account,
                Totp.code(account.totpSecret(), java.time.Instant.now().plus(Totp.STEP)));
        var wrong = second.postForm("/admin/me/password", Map.of("currentPassword", "Nope2026wrong", "password",
                "Reviewer2026new", "passwordConfirmation", "Reviewer2026new"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("当前密码不正确");
        var changed = second.postForm("/admin/me/password", Map.of("currentPassword", account.password(),
                "password", "Reviewer2026new", "passwordConfirmation", "Reviewer2026new"));
        assertThat(changed.statusCode()).isEqualTo(302);
        String cookie = StaffLogin.cookie(changed, second.cookie());
        var still = new StaffLogin.Session(port, account.username(), cookie, second.csrf()).page("/admin/me");
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(still.body()).contains("密码已修改");
        assertThat(first.page("/admin/me").statusCode()).as("the other session ended").isEqualTo(302);
    }

    private HttpResponse<String> create(StaffLogin.Session session, String username, String department,
            String region, String role) {
        return session.send("POST", API, """
                {"username":"%s","displayName":"测试","departmentCode":"%s","regionCode":"%s","roles":[%s]}"""
                .formatted(username, department, region, role.isEmpty() ? "" : "\"" + role + "\""));
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(read(response).get("code").asString()).isEqualTo(code);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    }
}
