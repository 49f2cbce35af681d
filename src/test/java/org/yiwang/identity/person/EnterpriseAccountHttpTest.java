package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient;

/** Claiming enterprises, authorising and revoking agents, and switching into an enterprise, over HTTP. */
@IntegrationTest
class EnterpriseAccountHttpTest {

    static final String QIANHAI = "91440300MA5F3K2L57";
    static final String QIANHAI_NAME = "深圳市前海云帆科技有限公司";
    private static final String MINGDE = "91440300MA5G7H1P6T";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonAccounts accounts;

    @Autowired
    JdbcPopulationRegistry population;

    @Test
    void theLegalRepresentativeClaimsHisEnterpriseAndSomeoneElseIsRefused() {
        LoopbackClient zhang = login(81, "440304198503120013", "Citizen@2026");
        var claimed = zhang.post("/account/enterprises/claim", Map.of("creditCode", QIANHAI, "name", QIANHAI_NAME));
        assertThat(claimed.status()).isEqualTo(302);
        assertThat(claimed.location()).endsWith("/account/enterprises?claimed");
        assertThat(zhang.get("/account/enterprises").body()).contains(QIANHAI_NAME).contains("法定代表人");

        LoopbackClient li = login(82, "440305199007180026", "Citizen@2026");
        var refused = li.post("/account/enterprises/claim",
                Map.of("creditCode", MINGDE, "name", "深圳市福田明德贸易有限公司"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("只有企业的法定代表人本人可以认领企业");
        var wrongName = zhang.post("/account/enterprises/claim", Map.of("creditCode", MINGDE, "name", "别的公司"));
        assertThat(wrongName.status()).isEqualTo(403);
        var badCode = zhang.post("/account/enterprises/claim", Map.of("creditCode", "91440300MA5F3K2L58",
                "name", QIANHAI_NAME));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("统一社会信用代码格式或校验位不正确");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_account WHERE credit_code = ?").param(MINGDE)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anAuthorisedAgentSwitchesInAndIsDroppedAtOnceOnRevocation() {
        LoopbackClient zhang = representative(83);
        PersonAccount agent = TestPersons.create(accounts, population, "钱七");
        authorise(zhang, agent, today(), today().plusMonths(6));

        LoopbackClient agentClient = login(84, agent.idNumber().value(), TestPersons.PASSWORD);
        assertThat(agentClient.get("/account").body()).contains(QIANHAI_NAME + "（经办人）");
        var switched = agentClient.post("/account/enterprises/switch", Map.of("creditCode", QIANHAI));
        assertThat(switched.status()).isEqualTo(302);
        assertThat(agentClient.get("/").body()).contains(QIANHAI_NAME + " · 代办（经办人）");

        long id = jdbc.sql("SELECT id FROM enterprise_agent WHERE agent = ? AND revoked_at IS NULL")
                .param(agent.accountId().value()).query(Long.class).single();
        zhang.get("/account/enterprises/" + QIANHAI + "/agents");
        assertThat(zhang.post("/account/enterprises/" + QIANHAI + "/agents/" + id + "/revoke", Map.of()).status())
                .isEqualTo(302);
        assertThat(zhang.get("/account/enterprises/" + QIANHAI + "/agents").body()).contains("已撤销");

        assertThat(agentClient.get("/").body()).doesNotContain("代办（");
        assertThat(agentClient.get("/account").body()).doesNotContain(QIANHAI_NAME);
        assertThat(agentClient.post("/account/enterprises/switch", Map.of("creditCode", QIANHAI)).status())
                .isEqualTo(403);
    }

    @Test
    void anExpiredAuthorisationIsRefused() {
        LoopbackClient zhang = representative(85);
        PersonAccount agent = TestPersons.create(accounts, population, "孙八");
        authorise(zhang, agent, today(), today().plusDays(10));
        LoopbackClient agentClient = login(86, agent.idNumber().value(), TestPersons.PASSWORD);
        assertThat(agentClient.post("/account/enterprises/switch", Map.of("creditCode", QIANHAI)).status())
                .isEqualTo(302);
        jdbc.sql("UPDATE enterprise_agent SET valid_from = ?, valid_until = ? WHERE agent = ?")
                .params(today().minusDays(30), today().minusDays(1), agent.accountId().value())
                .update();

        assertThat(agentClient.get("/").body()).doesNotContain("代办（");
        assertThat(agentClient.post("/account/enterprises/switch", Map.of("creditCode", QIANHAI)).status())
                .isEqualTo(403);
        assertThat(zhang.get("/account/enterprises/" + QIANHAI + "/agents").body()).contains("已过期");
    }

    @Test
    void authorisationsOutsideTheRulesAreRefused() {
        LoopbackClient zhang = representative(87);
        PersonAccount agent = TestPersons.create(accounts, population, "周九");
        zhang.get("/account/enterprises/" + QIANHAI + "/agents");
        var tooLong = zhang.post("/account/enterprises/" + QIANHAI + "/agents", Map.of("idNumber",
                agent.idNumber().value(), "name", "周九", "scope", "ALL", "validFrom", today().toString(),
                "validUntil", today().plusYears(1).plusDays(1).toString()));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("有效期最长为一年");
        var wrongName = zhang.post("/account/enterprises/" + QIANHAI + "/agents", Map.of("idNumber",
                agent.idNumber().value(), "name", "别人", "scope", "ALL", "validFrom", today().toString(),
                "validUntil", today().plusMonths(1).toString()));
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_agent WHERE agent = ?")
                .param(agent.accountId().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void theScopeIsShownAndANarrowerOneReachesASwitchedSessionAtOnce() {
        LoopbackClient zhang = representative(88);
        assertThat(zhang.get("/account/enterprises").body()).contains("全部事项（含经办人管理）");
        PersonAccount agent = TestPersons.create(accounts, population, "吴十");
        authorise(zhang, agent, "ALL", today(), today().plusMonths(1));

        LoopbackClient agentClient = login(89, agent.idNumber().value(), TestPersons.PASSWORD);
        assertThat(agentClient.get("/account/enterprises").body()).contains("<td class=\"agent-scope\">全部事项</td>");
        agentClient.post("/account/enterprises/switch", Map.of("creditCode", QIANHAI));
        assertThat(agentClient.get("/account").body()).contains("（经办人，全部事项）");

        authorise(zhang, agent, "APPLY_ONLY", today(), today().plusMonths(1));
        assertThat(agentClient.get("/account").body()).contains("（经办人，仅申报）");
        assertThat(agentClient.get("/account/enterprises").body()).contains("<td class=\"agent-scope\">仅申报</td>");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_agent WHERE agent = ? AND revoked_at IS NULL")
                .param(agent.accountId().value()).query(Integer.class).single()).isOne();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private LoopbackClient representative(int address) {
        LoopbackClient zhang = login(address, "440304198503120013", "Citizen@2026");
        zhang.post("/account/enterprises/claim", Map.of("creditCode", QIANHAI, "name", QIANHAI_NAME));
        return zhang;
    }

    private static void authorise(LoopbackClient representative, PersonAccount agent, LocalDate from,
            LocalDate until) {
        authorise(representative, agent, "APPLY_ONLY", from, until);
    }

    private static void authorise(LoopbackClient representative, PersonAccount agent, String scope, LocalDate from,
            LocalDate until) {
        representative.get("/account/enterprises/" + QIANHAI + "/agents");
        var done = representative.post("/account/enterprises/" + QIANHAI + "/agents", Map.of("idNumber",
                agent.idNumber().value(), "name", agent.name(), "scope", scope, "validFrom", from.toString(),
                "validUntil", until.toString()));
        assertThat(done.status()).isEqualTo(302);
    }

    private LoopbackClient login(int address, String loginName, String password) {
        LoopbackClient client = new LoopbackClient(port, "127.0.0." + address);
        assertThat(client.post("/account/login/password", Map.of("loginName", loginName, "password", password))
                .status()).isEqualTo(302);
        client.get("/account");
        return client;
    }
}
