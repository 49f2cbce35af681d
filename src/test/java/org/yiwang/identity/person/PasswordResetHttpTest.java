package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient.Response;

/** 找回密码 over HTTP: the code read from the development outbox page, as a person would read their phone. */
@IntegrationTest
class PasswordResetHttpTest {

    private static final String NEW_PASSWORD = "Reset2026new";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonAccounts accounts;

    @Autowired
    JdbcPopulationRegistry population;

    @Test
    void resetsTheForgottenPasswordEndsOtherSessionsAndClearsTheLock() {
        PersonAccount known = TestPersons.create(accounts, population, "严忘");
        LoopbackClient elsewhere = login(client(60), known, TestPersons.PASSWORD);
        LoopbackClient client = client(61);
        for (int i = 0; i < LoginGuard.FAILURES_BEFORE_LOCK; i++) {
            client.post("/account/login/password", Map.of("loginName", known.mobile(), "password", "Wrong2026x"));
        }
        assertThat(client.post("/account/login/password", Map.of("loginName", known.mobile(),
                "password", TestPersons.PASSWORD)).status()).as("locked").isEqualTo(423);

        assertThat(client.get("/account/login").body()).contains("href=\"/account/reset\"").contains("忘记密码");
        assertThat(client.get("/account/reset").body()).contains("找回密码").contains("注册时使用的手机号码");
        Response asked = client.post("/account/reset", Map.of("idNumber", known.idNumber().value(),
                "mobile", known.mobile()));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).endsWith("/account/reset/password");
        assertThat(client.get("/account/reset/password").body())
                .contains("如身份证号码与手机号码匹配，验证码已发送至 " + known.maskedMobile())
                .doesNotContain(known.mobile()).doesNotContain(known.idNumber().value());

        Response weak = client.post("/account/reset/password", newPassword(codeFromOutbox(client, known), "short1",
                "short1"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("密码至少需要8个字符");
        Response done = client.post("/account/reset/password", newPassword(codeFromOutbox(client, known),
                NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/account/login?reset");
        assertThat(client.get("/account/login?reset").body()).contains("密码已重置，请使用新密码登录");

        assertThat(elsewhere.get("/account").status()).as("the other session is ended").isEqualTo(302);
        assertThat(client(62).post("/account/login/password", Map.of("loginName", known.mobile(),
                "password", TestPersons.PASSWORD)).status()).as("the old password").isEqualTo(401);
        LoopbackClient again = login(client(63), known, NEW_PASSWORD);
        assertThat(again.get("/account").body()).contains("找回密码").contains("密码已重置");
        assertThat(latestOutboxText(known.mobile())).contains("密码已于").contains("重置");
        assertThat(client.post("/account/reset/password", newPassword("000000", NEW_PASSWORD, NEW_PASSWORD))
                .location()).as("the request is used up").endsWith("/account/reset");
    }

    @Test
    void aWrongCodeChangesNothing() {
        PersonAccount known = TestPersons.create(accounts, population, "鲁错");
        LoopbackClient client = client(64);
        client.post("/account/reset", Map.of("idNumber", known.idNumber().value(), "mobile", known.mobile()));
        client.get("/account/reset/password");
        String code = codeFromOutbox(client, known);
        Response wrong = client.post("/account/reset/password", newPassword(code.equals("000000") ? "111111"
                : "000000", NEW_PASSWORD, NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("短信验证码不正确").contains("role=\"alert\"")
                .doesNotContain(NEW_PASSWORD);
        assertThat(client(65).post("/account/login/password", Map.of("loginName", known.mobile(),
                "password", NEW_PASSWORD)).status()).isEqualTo(401);
        login(client(65), known, TestPersons.PASSWORD);
    }

    @Test
    void anUnknownIdNumberOrAnotherMobileGetsTheSameAnswersAndNoMessage() {
        PersonAccount known = TestPersons.create(accounts, population, "毕同");
        String unknownId = TestPersons.idNumber(TestPersons.next()).value();
        String otherMobile = TestPersons.mobile(TestPersons.next());
        String anotherMobile = TestPersons.mobile(TestPersons.next());

        Step matching = firstStep(client(66), known.idNumber().value(), known.mobile());
        Step unknown = firstStep(client(67), unknownId, otherMobile);
        Step mismatched = firstStep(client(68), known.idNumber().value(), anotherMobile);
        assertThat(unknown.answer()).isEqualTo(matching.answer()).isEqualTo(mismatched.answer());
        assertThat(normalised(unknown.page())).isEqualTo(normalised(matching.page()))
                .isEqualTo(normalised(mismatched.page()));
        assertThat(outboxCount(otherMobile)).isZero();
        assertThat(outboxCount(anotherMobile)).isZero();
        assertThat(outboxCount(known.mobile())).isEqualTo(1);

        String code = codeFromOutbox(matching.client(), known);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Response refusedMatching = matching.client().post("/account/reset/password",
                newPassword(wrong, NEW_PASSWORD, NEW_PASSWORD));
        Response refusedUnknown = unknown.client().post("/account/reset/password",
                newPassword(wrong, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(refusedUnknown.status()).isEqualTo(refusedMatching.status()).isEqualTo(400);
        assertThat(normalised(refusedUnknown.body())).isEqualTo(normalised(refusedMatching.body()));
        assertThat(refusedUnknown.body()).contains("短信验证码不正确");
    }

    @Test
    void theGeneralCodeEndpointDoesNotSendResetCodes() {
        PersonAccount known = TestPersons.create(accounts, population, "贝码");
        Response refused = client(69).post("/account/sms-code", Map.of("mobile", known.mobile(), "purpose", "RESET"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(outboxCount(known.mobile())).isZero();
    }

    private record Step(LoopbackClient client, String answer, String page) {
    }

    private static Step firstStep(LoopbackClient client, String idNumber, String mobile) {
        client.get("/account/reset");
        Response asked = client.post("/account/reset", Map.of("idNumber", idNumber, "mobile", mobile));
        return new Step(client, asked.status() + " " + asked.location(), client.get("/account/reset/password").body());
    }

    /** The page without what differs by nature: the CSRF token and the masked mobile number typed. */
    private static String normalised(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("1\\d\\d\\*{4}\\d{4}", "MOBILE");
    }

    /** Reads the newest code for the person's (masked) number on the development outbox page. */
    private static String codeFromOutbox(LoopbackClient client, PersonAccount person) {
        LoopbackClient reader = new LoopbackClient(client.port(), "127.0.0.1");
        Matcher row = Pattern.compile(Pattern.quote(person.maskedMobile())
                + "</td>\\s*<td class=\"text\">[^<]*找回密码验证码为 (\\d{6})").matcher(reader.get("/dev/sms-outbox").body());
        assertThat(row.find()).as("a reset code on the outbox page").isTrue();
        return row.group(1);
    }

    private String latestOutboxText(String mobile) {
        return jdbc.sql("SELECT text FROM sms_outbox WHERE mobile = ? ORDER BY id DESC LIMIT 1").param(mobile)
                .query(String.class).single();
    }

    private long outboxCount(String mobile) {
        return jdbc.sql("SELECT count(*) FROM sms_outbox WHERE mobile = ?").param(mobile).query(Long.class).single();
    }

    private static Map<String, String> newPassword(String code, String password, String confirmation) {
        Map<String, String> form = new HashMap<>();
        form.put("smsCode", code);
        form.put("password", password);
        form.put("passwordConfirmation", confirmation);
        return form;
    }

    private LoopbackClient client(int host) {
        return new LoopbackClient(port, "127.0.0." + host);
    }

    private static LoopbackClient login(LoopbackClient client, PersonAccount account, String password) {
        assertThat(client.post("/account/login/password", Map.of("loginName", account.mobile(),
                "password", password)).status()).isEqualTo(302);
        return client;
    }
}
