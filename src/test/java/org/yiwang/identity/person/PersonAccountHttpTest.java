package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient.Response;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.StaffLogin;

/**
 * Registration, login, lockout, SMS codes, login history and sessions of natural persons over HTTP. Each test talks
 * from its own loopback address, so per-address limits of one test never reach another.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonAccountHttpTest {

    private static final String DEMO_PASSWORD = "Citizen@2026";
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonAccounts accounts;

    @Autowired
    JdbcPopulationRegistry population;

    @Autowired
    JdbcIndexedSessionRepository sessionRepository;

    // ---- registration ----

    @Test
    void registersAConfirmedPersonAtLevelThreeAndLogsThemIn(CapturedOutput output) {
        LoopbackClient client = client(11);
        String mobile = "13900000006";
        assertThat(client.get("/account/register").body()).contains("个人注册").contains("name=\"_csrf\"");
        Response sent = client.postHtmx("/account/sms-code", Map.of("mobile", mobile, "purpose", "REGISTER"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("验证码已发送至 139****0006").doesNotContain(mobile);

        Response registered = client.post("/account/register", registration("440304199501010069", "林小红", mobile,
                latestCode(mobile), "Hong2026pass", "Hong2026pass"));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.location()).endsWith("/account?registered");

        Response home = client.get("/account?registered");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("注册成功").contains("林小红").contains("440304********0069")
                .contains("139****0006").contains("3级 · 实名核验").doesNotContain("440304199501010069")
                .doesNotContain(mobile);
        assertThat(client.get("/").body()).contains("林小红 · 我的账户").doesNotContain(">注册<");

        PersonAccount account = accounts.findByMobile(mobile).orElseThrow();
        assertThat(account.level().acr()).isEqualTo("urn:yiwang:acr:3");
        assertThat(account.accountId().value()).hasSize(22).doesNotContain("0069");
        byte[] stored = jdbc.sql("SELECT id_number_enc FROM person_account WHERE mobile = ?").param(mobile)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("4403041995");
        assertThat(output.getAll()).doesNotContain("440304199501010069").doesNotContain(mobile);
    }

    @Test
    void refusesEveryInvalidRegistrationWithAChineseMessageAndStoresNothing() {
        LoopbackClient client = client(12);
        long before = accountCount();
        String mobile = "13900000012";
        refused(client, registration("440304199501010068", "林小红", mobile, "123456", "Abc12345", "Abc12345"), 400,
                "公民身份号码格式或校验位不正确");
        refused(client, registration("440303198809200052", "X", mobile, "123456", "Abc12345", "Abc12345"), 400,
                "请输入与身份证件一致的中文姓名");
        refused(client, registration("440303198809200052", "陈晓明", "1234", "123456", "Abc12345", "Abc12345"), 400,
                "请输入11位中国大陆手机号码");
        refused(client, registration("440303198809200052", "陈晓明", mobile, "123456", "a1b2", "a1b2"), 400,
                "密码至少需要8个字符");
        refused(client, registration("440303198809200052", "陈晓明", mobile, "123456", "abcdefgh", "abcdefgh"), 400,
                "密码必须同时包含字母和数字");
        refused(client, registration("440303198809200052", "陈晓明", mobile, "123456", "x440303198809200052",
                "x440303198809200052"), 400, "密码不能包含您的身份证号码或手机号码");
        refused(client, registration("440303198809200052", "陈晓明", mobile, "123456", "p" + mobile,
                "p" + mobile), 400, "密码不能包含您的身份证号码或手机号码");
        refused(client, registration("440303198809200052", "陈晓明", mobile, "123456", "Abc12345", "Abc12346"), 400,
                "两次输入的密码不一致");

        client.post("/account/sms-code", Map.of("mobile", mobile, "purpose", "REGISTER"));
        String code = latestCode(mobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        refused(client, registration("440303198809200052", "陈晓明", mobile, wrong, "Abc12345", "Abc12345"), 400,
                "短信验证码不正确");
        refused(client, registration("440303198809200052", "陈小明", mobile, code, "Abc12345", "Abc12345"), 400,
                "身份证号码与姓名不一致，未通过人口库核验");
        refused(client, registration("440304198503120013", "张三", mobile, code, "Abc12345", "Abc12345"), 409,
                "该身份证号码已注册。请直接登录");

        String taken = "13700000002";
        client.post("/account/sms-code", Map.of("mobile", taken, "purpose", "REGISTER"));
        refused(client, registration("310115197511300086", "周敏", taken, latestCode(taken), "Abc12345", "Abc12345"),
                409, "该手机号码已被其他账号使用");

        assertThat(accountCount()).isEqualTo(before);
    }

    @Test
    void sendsAtMostOneCodePerMinuteToAMobile() {
        LoopbackClient client = client(13);
        assertThat(client.post("/account/sms-code", Map.of("mobile", "13900000013", "purpose", "REGISTER")).status())
                .isEqualTo(200);
        Response again = client.post("/account/sms-code", Map.of("mobile", "13900000013", "purpose", "REGISTER"));
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.body()).contains("验证码发送过于频繁");
        assertThat(outboxCount("13900000013")).isEqualTo(1);
    }

    @Test
    void limitsTheCodesOneAddressMayRequest() {
        LoopbackClient client = client(14);
        for (int i = 0; i < SmsCodes.PER_ADDRESS_PER_HOUR; i++) {
            assertThat(client.post("/account/sms-code", Map.of("mobile", TestPersons.mobile(TestPersons.next()),
                    "purpose", "REGISTER")).status()).isEqualTo(200);
        }
        String next = TestPersons.mobile(TestPersons.next());
        Response refused = client.postHtmx("/account/sms-code", Map.of("mobile", next, "purpose", "REGISTER"));
        assertThat(refused.body()).contains("您所在网络获取验证码的次数过多");
        assertThat(outboxCount(next)).isZero();
        assertThat(client(15).post("/account/sms-code", Map.of("mobile", next, "purpose", "REGISTER")).status())
                .isEqualTo(200);
    }

    // ---- password login ----

    @Test
    void logsInWithIdNumberOrMobileAndPassword(CapturedOutput output) {
        LoopbackClient byId = client(20);
        Response ok = byId.post("/account/login/password", Map.of("loginName", "440306197802050033",
                "password", DEMO_PASSWORD));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).endsWith("/account");
        assertThat(byId.get("/account").body()).contains("王五").contains("440306********0033");

        LoopbackClient byMobile = client(20);
        assertThat(byMobile.post("/account/login/password", Map.of("loginName", "13700000003",
                "password", DEMO_PASSWORD)).location()).endsWith("/account");
        assertThat(byMobile.get("/").body()).contains("王五 · 我的账户");
        assertThat(output.getAll()).contains("logged in by PASSWORD").doesNotContain("440306197802050033")
                .doesNotContain("13700000003");
    }

    @Test
    void unknownAccountAndWrongPasswordGetTheIdenticalAnswer() {
        PersonAccount known = TestPersons.create(accounts, population, "钱多");
        LoopbackClient client = client(21);
        Response unknown = client.post("/account/login/password", Map.of("loginName",
                TestPersons.idNumber(TestPersons.next()).value(), "password", "Wrong2026x"));
        Response wrong = client.post("/account/login/password", Map.of("loginName", known.idNumber().value(),
                "password", "Wrong2026x"));
        assertThat(unknown.status()).isEqualTo(401).isEqualTo(wrong.status());
        assertThat(unknown.body()).contains("账号或密码错误");
        assertThat(withoutCsrf(wrong.body())).isEqualTo(withoutCsrf(unknown.body()));
        assertThat(wrong.body()).doesNotContain(known.idNumber().value());
    }

    @Test
    void locksTheAccountAfterFiveFailuresAndUnknownNamesAlike() {
        PersonAccount known = TestPersons.create(accounts, population, "孙锁");
        String unknownName = TestPersons.idNumber(TestPersons.next()).value();
        LoopbackClient client = client(22);
        for (int i = 0; i < LoginGuard.FAILURES_BEFORE_LOCK; i++) {
            assertThat(client.post("/account/login/password", Map.of("loginName", known.mobile(),
                    "password", "Wrong2026x")).status()).isEqualTo(401);
            assertThat(client.post("/account/login/password", Map.of("loginName", unknownName,
                    "password", "Wrong2026x")).status()).isEqualTo(401);
        }
        Response locked = client.post("/account/login/password", Map.of("loginName", known.idNumber().value(),
                "password", TestPersons.PASSWORD));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.body()).contains("登录失败次数过多，已暂停使用该登录名登录，请15分钟后再试");
        Response lockedUnknown = client.post("/account/login/password", Map.of("loginName", unknownName,
                "password", TestPersons.PASSWORD));
        assertThat(lockedUnknown.status()).isEqualTo(423);
        assertThat(withoutCsrf(lockedUnknown.body())).isEqualTo(withoutCsrf(locked.body()));
        assertThat(client(23).post("/account/login/password", Map.of("loginName", known.mobile(),
                "password", TestPersons.PASSWORD)).status()).as("the lock holds from any address").isEqualTo(423);
    }

    @Test
    void refusesAnAddressAfterTwentyFailuresButNotOthers() {
        PersonAccount known = TestPersons.create(accounts, population, "李址");
        LoopbackClient noisy = client(24);
        for (int i = 0; i < LoginGuard.ADDRESS_FAILURES; i++) {
            assertThat(noisy.post("/account/login/password", Map.of("loginName",
                    TestPersons.mobile(TestPersons.next()), "password", "Wrong2026x")).status()).isEqualTo(401);
        }
        Response refused = noisy.post("/account/login/password", Map.of("loginName", known.mobile(),
                "password", TestPersons.PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("您所在网络的登录失败次数过多");
        assertThat(client(25).post("/account/login/password", Map.of("loginName", known.mobile(),
                "password", TestPersons.PASSWORD)).status()).isEqualTo(302);
    }

    // ---- SMS login ----

    @Test
    void logsInWithAnSmsCodeReadFromTheOutbox() {
        PersonAccount known = TestPersons.create(accounts, population, "周短");
        LoopbackClient client = client(30);
        assertThat(client.get("/account/login?method=sms").body()).contains("获取验证码").contains("短信验证码登录");
        Response sent = client.post("/account/sms-code", Map.of("mobile", known.mobile(), "purpose", "LOGIN"));
        assertThat(sent.body()).contains("如 " + known.maskedMobile() + " 已注册个人账号，验证码已发送");

        Response outbox = client.get("/dev/sms-outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).contains(known.maskedMobile()).doesNotContain(known.mobile());
        Matcher row = Pattern.compile(Pattern.quote(known.maskedMobile()) + "</td>\\s*<td class=\"text\">[^<]*验证码为 (\\d{6})")
                .matcher(outbox.body());
        assertThat(row.find()).isTrue();

        Response in = client.post("/account/login/sms", Map.of("mobile", known.mobile(), "smsCode", row.group(1)));
        assertThat(in.status()).isEqualTo(302);
        assertThat(client.get("/account").body()).contains("周短").contains("短信验证码");
    }

    @Test
    void answersAnUnregisteredMobileAlikeButSendsNothing() {
        LoopbackClient client = client(31);
        String nobody = TestPersons.mobile(TestPersons.next());
        Response sent = client.post("/account/sms-code", Map.of("mobile", nobody, "purpose", "LOGIN"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("已注册个人账号，验证码已发送");
        assertThat(outboxCount(nobody)).isZero();
        assertThat(client.post("/account/sms-code", Map.of("mobile", nobody, "purpose", "LOGIN")).status())
                .isEqualTo(429);
    }

    @Test
    void refusesWrongExpiredAndReusedCodes() {
        PersonAccount known = TestPersons.create(accounts, population, "吴码");
        LoopbackClient client = client(32);
        client.post("/account/sms-code", Map.of("mobile", known.mobile(), "purpose", "LOGIN"));
        String code = latestCode(known.mobile());
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertSmsRefused(client, known.mobile(), wrong);

        Response in = client.post("/account/login/sms", Map.of("mobile", known.mobile(), "smsCode", code));
        assertThat(in.status()).isEqualTo(302);
        assertSmsRefused(client(32), known.mobile(), code);

        jdbc.sql("UPDATE sms_code SET created_at = created_at - interval '10 minutes', "
                + "expires_at = expires_at - interval '10 minutes' WHERE mobile = ?").param(known.mobile()).update();
        client.post("/account/sms-code", Map.of("mobile", known.mobile(), "purpose", "LOGIN"));
        String fresh = latestCode(known.mobile());
        jdbc.sql("UPDATE sms_code SET expires_at = ? WHERE mobile = ? AND used_at IS NULL")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), known.mobile()).update();
        assertSmsRefused(client(33), known.mobile(), fresh);
    }

    @Test
    void aCodeIsBurntAfterFiveWrongEntries() {
        PersonAccount known = TestPersons.create(accounts, population, "郑试");
        LoopbackClient client = client(34);
        client.post("/account/sms-code", Map.of("mobile", known.mobile(), "purpose", "LOGIN"));
        String code = latestCode(known.mobile());
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < SmsCodes.MAX_ATTEMPTS; i++) {
            assertThat(client(35 + i).post("/account/login/sms", Map.of("mobile", known.mobile(), "smsCode", wrong))
                    .status()).isIn(401, 423);
        }
        jdbc.sql("DELETE FROM login_guard WHERE subject = ?").param(known.accountId().value()).update();
        assertSmsRefused(client(40), known.mobile(), code);
    }

    // ---- account page, history, sessions ----

    @Test
    void recordsTheLoginHistoryForTheHolder() {
        PersonAccount known = TestPersons.create(accounts, population, "冯史");
        LoopbackClient client = client(41).userAgent("Mozilla/5.0 HistoryTest");
        client.post("/account/login/password", Map.of("loginName", known.mobile(), "password", "Wrong2026x"));
        client.post("/account/login/password", Map.of("loginName", known.mobile(), "password", TestPersons.PASSWORD));
        String page = client.get("/account").body();
        assertThat(page).contains("登录记录").contains("密码错误").contains("成功").contains("127.0.0.0/24")
                .contains("Mozilla/5.0 HistoryTest").doesNotContain("127.0.0.41");
        assertThat(jdbc.sql("SELECT count(*) FROM person_login WHERE account_id = ?")
                .param(known.accountId().value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void logOutEverywhereEndsEveryOtherSession() {
        PersonAccount known = TestPersons.create(accounts, population, "陈全");
        LoopbackClient first = login(client(42), known);
        LoopbackClient second = login(client(43), known);
        assertThat(second.get("/account").status()).isEqualTo(200);

        first.get("/account");
        Response ended = first.post("/account/sessions/end-all", Map.of());
        assertThat(ended.location()).endsWith("/account/login?ended");
        assertThat(second.get("/account").status()).isEqualTo(302);
        assertThat(first.get("/account").status()).isEqualTo(302);
        assertThat(sessionRepository.findByPrincipalName(known.accountId().value())).isEmpty();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void endsASessionEightHoursAfterLoginHoweverActive() {
        PersonAccount known = TestPersons.create(accounts, population, "褚时");
        LoopbackClient client = login(client(44), known);
        assertThat(client.get("/account").status()).isEqualTo(200);

        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository) sessionRepository;
        Session session = repository.findByPrincipalName(known.accountId().value()).values().iterator().next();
        session.setAttribute(PersonSessions.AUTHENTICATED_AT, Instant.now().minus(Duration.ofHours(8).plusMinutes(1)));
        repository.save(session);

        Response after = client.get("/account");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/account/login");
        assertThat(client.get("/").body()).doesNotContain("褚时");
    }

    @Test
    void citizenAndStaffLoginsDoNotReachEachOthersPages() {
        PersonAccount known = TestPersons.create(accounts, population, "卫分");
        LoopbackClient citizen = login(client(45), known);
        Response admin = citizen.get("/admin");
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.location()).endsWith("/login");

        LoopbackClient staff = client(46);
        StaffLogin.Account platformAdmin = StaffLogin.like(context, "admin");
        staff.get("/login");
        assertThat(staff.post("/login", Map.of("username", platformAdmin.username(), "password",
                platformAdmin.password())).location()).endsWith("/login/code");
        assertThat(staff.post("/login/code", Map.of("code", platformAdmin.code())).location()).endsWith("/admin");
        assertThat(staff.get("/admin").status()).isEqualTo(200);
        Response account = staff.get("/account");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).endsWith("/account/login");
    }

    @Test
    void anonymousVisitorsSeeLoginAndRegisterInTheHeader() {
        String home = client(47).get("/").body();
        assertThat(home).contains("href=\"/account/login\">登录</a>").contains("href=\"/account/register\">注册</a>");
    }

    // ---- helpers ----

    private LoopbackClient client(int host) {
        return new LoopbackClient(port, "127.0.0." + host);
    }

    private LoopbackClient login(LoopbackClient client, PersonAccount account) {
        assertThat(client.post("/account/login/password", Map.of("loginName", account.mobile(),
                "password", TestPersons.PASSWORD)).status()).isEqualTo(302);
        return client;
    }

    private void assertSmsRefused(LoopbackClient client, String mobile, String code) {
        Response refused = client.post("/account/login/sms", Map.of("mobile", mobile, "smsCode", code));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("手机号码或短信验证码错误，或验证码已失效");
        assertThat(client.get("/account").status()).isEqualTo(302);
    }

    private void refused(LoopbackClient client, Map<String, String> form, int status, String message) {
        Response page = client.post("/account/register", form);
        assertThat(page.status()).as(message).isEqualTo(status);
        assertThat(page.body()).contains(message).contains("role=\"alert\"")
                .doesNotContain("value=\"" + form.get("idNumber") + "\"")
                .doesNotContain("value=\"" + form.get("password") + "\"");
    }

    private static Map<String, String> registration(String idNumber, String name, String mobile, String code,
            String password, String confirmation) {
        Map<String, String> form = new HashMap<>();
        form.put("idNumber", idNumber);
        form.put("name", name);
        form.put("mobile", mobile);
        form.put("smsCode", code);
        form.put("password", password);
        form.put("passwordConfirmation", confirmation);
        return form;
    }

    private String latestCode(String mobile) {
        String text = jdbc.sql("SELECT text FROM sms_outbox WHERE mobile = ? ORDER BY id DESC LIMIT 1")
                .param(mobile).query(String.class).single();
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long outboxCount(String mobile) {
        return jdbc.sql("SELECT count(*) FROM sms_outbox WHERE mobile = ?").param(mobile).query(Long.class).single();
    }

    private long accountCount() {
        return jdbc.sql("SELECT count(*) FROM person_account").query(Long.class).single();
    }

    private static String withoutCsrf(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
