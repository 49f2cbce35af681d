package org.yiwang.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.LoopbackClient.Response;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffPrincipal;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * The two-step staff login over HTTP: password then TOTP code, one message for every failure, codes used once,
 * locks, enrolment and the forced password change at the first login, disabled accounts and their sessions. Each test
 * connects from its own loopback address (127.0.1.N), so per-address limits of one test never reach another.
 */
@IntegrationTest
class StaffLoginHttpTest {

    static final CreditCode FT_CIVIL = CreditCode.of("11440304007550312P");
    static final DivisionCode FUTIAN = DivisionCode.of("440304");
    static final Staff PLATFORM_ADMIN = new Staff("test-platform", "测试平台管理员", CreditCode.of("11440300MB2C94021Y"),
            DivisionCode.of("4403"), Set.of(StaffRole.PLATFORM_ADMIN));
    static final Pattern ALERT = Pattern.compile("<div class=\"alert\" role=\"alert\"[^>]*>([^<]*)</div>");
    static final String FAILED = "用户名、密码或动态验证码错误，请重新登录。";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAdministration administration;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void twoFactorsLogInAndHalfALoginIsNoLogin() {
        StaffLogin.Account account = account(StaffRole.DEPARTMENT_ADMIN);
        LoopbackClient client = client(1);
        client.get("/login");
        Response password = client.post("/login", Map.of("username", account.username(), "password",
                account.password()));
        assertThat(password.status()).isEqualTo(302);
        assertThat(password.location()).endsWith("/login/code");
        assertThat(securityContext(client))
                .as("no security context while the code is pending").isNull();
        assertThat(client.get("/admin").location()).endsWith("/login");
        assertThat(client.get("/admin/me").location()).endsWith("/login");
        assertThat(client.get("/login/code").body()).contains("<label for=\"code\">动态验证码</label>")
                .contains("autocomplete=\"one-time-code\"");

        String before = client.session();
        Response code = client.post("/login/code", Map.of("code", account.code()));
        assertThat(code.status()).isEqualTo(302);
        assertThat(code.location()).as("back to the page that asked for the login").endsWith("/admin/me?continue");
        assertThat(client.session()).as("a new session id after the login").isNotEqualTo(before);
        assertThat(securityContext(client)).isNotNull();
        Response me = client.get("/admin/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains(account.username()).contains("部门管理员")
                .contains("密码正确，待验证动态验证码").contains("成功").contains("127.0.1.0/24");
    }

    @Test
    void unknownUserWrongPasswordAndWrongCodeGetTheSameAnswer() {
        StaffLogin.Account account = account(StaffRole.REVIEWER);
        Response unknown = attempt(client(2), "nobody-" + account.username().substring(3), "Whatever2026", "123456");
        Response wrongPassword = attempt(client(3), account.username(), "Wrong2026pass", account.code());
        String wrongCode = Totp.code(account.totpSecret(), Instant.now().plusSeconds(120));
        Response badCode = attempt(client(4), account.username(), account.password(), wrongCode);
        for (Response r : new Response[] {unknown, wrongPassword, badCode}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(alert(r)).isEqualTo(FAILED);
        }
        assertThat(history(account.username())).contains("WRONG_PASSWORD", "PASSWORD_ACCEPTED", "WRONG_CODE");
    }

    @Test
    void aCodeIsAcceptedOnce() {
        StaffLogin.Account account = account(StaffRole.APPROVER);
        Instant now = Instant.now();
        String code = Totp.code(account.totpSecret(), now);
        assertThat(attempt(client(5), account.username(), account.password(), code).status()).isEqualTo(302);
        Response again = attempt(client(6), account.username(), account.password(), code);
        assertThat(again.status()).isEqualTo(401);
        assertThat(alert(again)).isEqualTo(FAILED);
        assertThat(history(account.username())).contains("CODE_REUSED");
        String next = Totp.code(account.totpSecret(), now.plus(Totp.STEP));
        assertThat(attempt(client(7), account.username(), account.password(), next).status())
                .as("the next step's code still works").isEqualTo(302);
    }

    @Test
    void fiveFailuresLockTheAccountAndUnknownNamesAlike() {
        StaffLogin.Account account = account(StaffRole.WINDOW_CLERK);
        LoopbackClient client = client(8);
        String wrong = Totp.code(account.totpSecret(), Instant.now().plusSeconds(300));
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(client, account.username(), account.password(), wrong).status()).isEqualTo(401);
        }
        client.get("/login");
        Response locked = client.post("/login", Map.of("username", account.username(), "password",
                account.password()));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(alert(locked)).startsWith("登录失败次数过多");
        assertThat(history(account.username())).contains("LOCKED");

        // Without the password, an existing name and an unknown one behave alike, to the lock and its message.
        StaffLogin.Account victim = account(StaffRole.WINDOW_CLERK);
        String unknown = "ghost-" + victim.username().substring(3);
        assertThat(statuses(client(9), unknown)).isEqualTo(statuses(client(13), victim.username()))
                .endsWith(423);
        LoopbackClient other = client(14);
        other.get("/login");
        Response unknownLocked = other.post("/login", Map.of("username", unknown, "password", "Whatever2026"));
        assertThat(unknownLocked.status()).isEqualTo(423);
        assertThat(alert(unknownLocked)).isEqualTo(alert(locked));
    }

    /** Statuses of six password-and-code attempts with a wrong password. */
    private java.util.List<Integer> statuses(LoopbackClient client, String username) {
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            client.get("/login");
            Response first = client.post("/login", Map.of("username", username, "password", "Whatever2026"));
            statuses.add(first.status());
            if (first.status() == 302) {
                statuses.add(client.post("/login/code", Map.of("code", "123456")).status());
            }
        }
        return statuses;
    }

    @Test
    void firstLoginEnrolsTheAuthenticatorAndChangesTheTemporaryPassword() {
        String username = "enrol-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        var created = administration.create(PLATFORM_ADMIN, new StaffAdministration.NewStaff(username, "首次登录",
                FT_CIVIL.value(), "", java.util.List.of("WINDOW_CLERK")));
        LoopbackClient client = client(10);
        client.get("/login");
        Response password = client.post("/login", Map.of("username", username, "password",
                created.temporaryPassword()));
        assertThat(password.location()).endsWith("/login/enrol");
        Response enrol = client.get("/login/enrol");
        assertThat(enrol.body()).contains("src=\"data:image/svg+xml;base64,").contains("id=\"totp-secret\"");
        String secret = secret(enrol.body());
        byte[] stored = jdbc.sql("SELECT totp_secret_enc FROM staff_account WHERE username = ?").param(username)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(client.get("/admin/me").location()).as("not logged in during enrolment").endsWith("/login");

        Response wrong = client.post("/login/enrol", Map.of("code",
                Totp.code(secret, Instant.now().plusSeconds(300))));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(alert(wrong)).startsWith("动态验证码不正确");
        assertThat(secret(wrong.body())).as("the same secret again").isEqualTo(secret);

        Response enrolled = client.post("/login/enrol", Map.of("code", Totp.code(secret, Instant.now())));
        assertThat(enrolled.location()).endsWith("/login/password");
        assertThat(client.get("/admin/me").location()).as("not logged in before the change").endsWith("/login");
        Response weak = client.post("/login/password", Map.of("password", "short1", "passwordConfirmation",
                "short1"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(alert(weak)).isEqualTo("密码至少需要10个字符。");
        Response same = client.post("/login/password", Map.of("password", created.temporaryPassword(),
                "passwordConfirmation", created.temporaryPassword()));
        assertThat(alert(same)).isEqualTo("新密码不能与当前密码相同。");
        Response changed = client.post("/login/password", Map.of("password", "Window2026new",
                "passwordConfirmation", "Window2026new"));
        assertThat(changed.location()).as("back to the page that asked for the login").endsWith("/admin/me?continue");
        assertThat(client.get("/admin/me").status()).isEqualTo(200);
        assertThat(client.get("/admin").status()).isEqualTo(403);

        StaffAccount account = administration.get(PLATFORM_ADMIN, username);
        assertThat(account.totpEnrolled()).isTrue();
        assertThat(account.mustChangePassword()).isFalse();
        assertThat(administration.changes(PLATFORM_ADMIN, username)).extracting(StaffChanges.Change::action)
                .containsExactly(StaffChanges.Action.PASSWORD_CHANGED, StaffChanges.Action.TOTP_ENROLLED,
                        StaffChanges.Action.CREATED);
    }

    @Test
    void aDisabledAccountCannotLogInAndItsSessionEndsAtTheNextRequest() {
        StaffLogin.Account account = account(StaffRole.DEPARTMENT_ADMIN);
        StaffLogin.Session session = StaffLogin.session(port, account);
        assertThat(session.page("/admin/staff").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE staff_account SET roles = 'WINDOW_CLERK' WHERE username = ?").param(account.username())
                .update();
        assertThat(session.page("/admin/staff").statusCode()).as("a removed role is gone at once").isEqualTo(403);
        assertThat(session.page("/admin/me").statusCode()).isEqualTo(200);

        // Disabled behind the administration's back: the per-request check alone ends the session.
        jdbc.sql("UPDATE staff_account SET status = 'DISABLED' WHERE username = ?").param(account.username())
                .update();
        var refused = session.page("/admin/me");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(session.page("/admin/me").statusCode()).as("and stays ended").isEqualTo(302);

        Response login = attempt(client(11), account.username(), account.password(),
                Totp.code(account.totpSecret(), Instant.now().plus(Totp.STEP)));
        assertThat(login.status()).isEqualTo(401);
        assertThat(alert(login)).isEqualTo(FAILED);
        assertThat(history(account.username())).contains("DISABLED");
        assertThatThrownBy(() -> userDetails.loadUserByUsername(account.username()))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void disablingThroughTheAdministrationEndsTheSessions() {
        StaffLogin.Account account = account(StaffRole.REVIEWER);
        StaffLogin.Session session = StaffLogin.session(port, account);
        assertThat(session.page("/admin/me").statusCode()).isEqualTo(200);
        administration.setStatus(PLATFORM_ADMIN, account.username(), StaffStatus.DISABLED);
        assertThat(sessions.findByPrincipalName(account.username())).isEmpty();
        assertThat(session.page("/admin/me").statusCode()).isEqualTo(302);
        administration.setStatus(PLATFORM_ADMIN, account.username(), StaffStatus.ACTIVE);
        assertThat(administration.changes(PLATFORM_ADMIN, account.username())).extracting(StaffChanges.Change::action)
                .startsWith(StaffChanges.Action.ENABLED, StaffChanges.Action.DISABLED);
    }

    @Test
    void theUserDetailsServiceGivesActiveAccountsWithoutPassword() {
        StaffLogin.Account account = account(StaffRole.SUPERVISOR);
        var principal = (StaffPrincipal) userDetails.loadUserByUsername(account.username());
        assertThat(principal.staff().roles()).containsExactly(StaffRole.SUPERVISOR);
        assertThat(principal.getPassword()).isNull();
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SUPERVISOR");
        assertThatThrownBy(() -> userDetails.loadUserByUsername("no-such-staff"))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void demoAccountsLogInWithTheirPublishedSecretsAndTheDemoPageShowsTheirCodes() {
        DemoStaff.Account demo = DemoStaff.accounts().stream().filter(a -> a.username().equals("ns-clerk"))
                .findFirst().orElseThrow();
        assertThat(demo.department()).isEqualTo(CreditCode.of("1144030500755089XE"));
        LoopbackClient client = client(12);
        String page = client.get("/dev/staff-codes").body();
        assertThat(page).contains("ns-clerk").contains("ft-clerk").contains("sz-supervisor");
        Instant now = Instant.now();
        assertThat(page).containsAnyOf(Totp.code(demo.totpSecret(), now), Totp.code(demo.totpSecret(),
                now.minus(Totp.STEP)));
        Response login = attempt(client, demo.username(), demo.password(), Totp.code(demo.totpSecret(), now));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/admin/me");
        assertThat(client.get("/admin/me").body()).contains("南山区综合窗口人员").contains("窗口人员");
    }

    @Test
    void theDemoCodesPageIsRefusedUnderTheProdProfile() {
        var prod = new org.springframework.mock.env.MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new DemoStaffCodesPage(null, prod)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod");
    }

    private Response attempt(LoopbackClient client, String username, String password, String code) {
        client.get("/login");
        Response first = client.post("/login", Map.of("username", username, "password", password));
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(first.location()).endsWith("/login/code");
        return client.post("/login/code", Map.of("code", code));
    }

    private StaffLogin.Account account(StaffRole role) {
        return StaffLogin.create(context, "lg", FT_CIVIL, FUTIAN, Set.of(role));
    }

    private LoopbackClient client(int host) {
        return new LoopbackClient(port, "127.0.1." + host);
    }

    private String history(String username) {
        return String.join(",", jdbc.sql("SELECT result FROM staff_login WHERE account_id = ? ORDER BY id")
                .param(username).query(String.class).list());
    }

    private static String alert(Response response) {
        Matcher m = ALERT.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return m.group(1);
    }

    private static String secret(String html) {
        Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1).replace(" ", "");
    }

    private Object securityContext(LoopbackClient client) {
        org.springframework.session.Session session = sessions.findById(sessionId(client));
        assertThat(session).isNotNull();
        return session.getAttribute("SPRING_SECURITY_CONTEXT");
    }

    /** Spring Session's id behind the cookie (the cookie holds it Base64-encoded). */
    private static String sessionId(LoopbackClient client) {
        return new String(Base64.getDecoder().decode(client.session()), StandardCharsets.UTF_8);
    }
}
