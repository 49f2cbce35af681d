package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient.Response;

/** 登录设备: the account page lists the sessions the account is logged in on, each of which can be ended. */
@IntegrationTest
class ActiveSessionsHttpTest {

    private static final Pattern END_FORM = Pattern.compile(
            "<td class=\"user-agent\">([^<]*)</td>(?:(?!</tr>).)*?action=\"(/account/sessions/[0-9a-f]+/end)\"",
            Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    PersonAccounts accounts;

    @Autowired
    JdbcPopulationRegistry population;

    @Test
    void listsTheAccountsSessionsAndEndsOneOfThem() {
        PersonAccount known = TestPersons.create(accounts, population, "柏会");
        LoopbackClient laptop = login(new LoopbackClient(port, "127.0.0.70").userAgent("Mozilla/5.0 Laptop"), known);
        LoopbackClient phone = login(new LoopbackClient(port, "127.0.0.71").userAgent("Mozilla/5.0 Phone"), known);

        String page = laptop.get("/account").body();
        assertThat(page).contains("登录设备").contains("Mozilla/5.0 Laptop").contains("Mozilla/5.0 Phone")
                .contains("当前设备").contains("127.0.0.0/24").doesNotContain("127.0.0.70")
                .doesNotContain("127.0.0.71").doesNotContain(sessionId(phone)).doesNotContain(sessionId(laptop));
        Map<String, String> forms = endForms(page);
        assertThat(forms).containsOnlyKeys("Mozilla/5.0 Phone");

        Response ended = laptop.post(forms.get("Mozilla/5.0 Phone"), Map.of());
        assertThat(ended.location()).endsWith("/account?sessionEnded");
        assertThat(phone.get("/account").status()).isEqualTo(302);
        String after = laptop.get("/account?sessionEnded").body();
        assertThat(after).contains("已结束所选会话");
        assertThat(sessionTable(after)).contains("Mozilla/5.0 Laptop").doesNotContain("Mozilla/5.0 Phone");
        assertThat(laptop.post(forms.get("Mozilla/5.0 Phone"), Map.of()).location()).endsWith("/account?sessionGone");
    }

    @Test
    void anotherAccountCannotEndTheSession() {
        PersonAccount owner = TestPersons.create(accounts, population, "任主");
        PersonAccount intruder = TestPersons.create(accounts, population, "任他");
        LoopbackClient ownerFirst = login(new LoopbackClient(port, "127.0.0.72").userAgent("Owner One"), owner);
        LoopbackClient ownerSecond = login(new LoopbackClient(port, "127.0.0.73").userAgent("Owner Two"), owner);
        String handle = endForms(ownerFirst.get("/account").body()).get("Owner Two");

        LoopbackClient other = login(new LoopbackClient(port, "127.0.0.74"), intruder);
        other.get("/account");
        assertThat(other.post(handle, Map.of()).location()).endsWith("/account?sessionGone");
        assertThat(ownerSecond.get("/account").status()).isEqualTo(200);
    }

    /** The "end" form of each listed session but the current one, by user agent. */
    private static Map<String, String> endForms(String page) {
        Map<String, String> forms = new java.util.HashMap<>();
        Matcher m = END_FORM.matcher(sessionTable(page));
        while (m.find()) {
            forms.put(m.group(1), m.group(2));
        }
        return forms;
    }

    private static String sessionTable(String page) {
        int start = page.indexOf("id=\"active-sessions\"");
        return page.substring(start, page.indexOf("</table>", start));
    }

    private static String sessionId(LoopbackClient client) {
        return new String(Base64.getDecoder().decode(client.session()), StandardCharsets.US_ASCII);
    }

    private static LoopbackClient login(LoopbackClient client, PersonAccount account) {
        assertThat(client.post("/account/login/password", Map.of("loginName", account.mobile(),
                "password", TestPersons.PASSWORD)).status()).isEqualTo(302);
        return client;
    }
}
