package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.LoopbackClient.Response;
import org.yiwang.identity.StaffLogin;

/**
 * A citizen and a staff member logged in in the same browser (one session cookie): each logout ends only its own
 * login and changes the session id; "log out everywhere" leaves the staff login too.
 */
@IntegrationTest
class LogoutHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonAccounts accounts;

    @Autowired
    JdbcPopulationRegistry population;

    @Autowired
    JdbcIndexedSessionRepository sessionRepository;

    @Test
    void citizenLogoutKeepsTheStaffLogin() {
        PersonAccount citizen = TestPersons.create(accounts, population, "欧阳退");
        LoopbackClient browser = bothLoggedIn(50, citizen);
        String before = browser.session();

        browser.get("/account");
        Response out = browser.post("/account/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/account/login?logout");
        assertThat(browser.session()).as("a new session id").isNotNull().isNotEqualTo(before);
        assertThat(sessionRepository.findById(before)).as("the old id is gone").isNull();

        Response account = browser.get("/account");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).endsWith("/account/login");
        assertThat(browser.get("/").body()).doesNotContain("欧阳退");
        assertThat(browser.get("/admin").status()).as("the staff login stays").isEqualTo(200);
        assertThat(sessionRepository.findByPrincipalName(citizen.accountId().value())).isEmpty();
    }

    @Test
    void staffLogoutKeepsTheCitizenLogin() {
        PersonAccount citizen = TestPersons.create(accounts, population, "上官留");
        LoopbackClient browser = bothLoggedIn(51, citizen);
        String before = browser.session();

        browser.get("/admin");
        Response out = browser.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/login?logout");
        assertThat(browser.session()).as("a new session id").isNotNull().isNotEqualTo(before);

        Response admin = browser.get("/admin");
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.location()).endsWith("/login");
        assertThat(browser.get("/account").status()).as("the citizen login stays").isEqualTo(200);
        assertThat(browser.get("/").body()).contains("上官留 · 我的账户");
    }

    @Test
    void logOutEverywhereLeavesAStaffLoginInAnotherSession() {
        PersonAccount citizen = TestPersons.create(accounts, population, "司马全");
        LoopbackClient shared = bothLoggedIn(52, citizen);
        LoopbackClient other = new LoopbackClient(port, "127.0.0.53");
        assertThat(other.post("/account/login/password", Map.of("loginName", citizen.mobile(),
                "password", TestPersons.PASSWORD)).status()).isEqualTo(302);

        other.get("/account");
        assertThat(other.post("/account/sessions/end-all", Map.of()).location()).endsWith("/account/login?ended");
        assertThat(shared.get("/account").status()).isEqualTo(302);
        assertThat(other.get("/account").status()).isEqualTo(302);
        assertThat(shared.get("/admin").status()).as("the staff login stays").isEqualTo(200);
        assertThat(sessionRepository.findByPrincipalName(citizen.accountId().value())).isEmpty();
    }

    /** One browser with a platform administrator and the citizen logged in. */
    private LoopbackClient bothLoggedIn(int host, PersonAccount citizen) {
        LoopbackClient browser = new LoopbackClient(port, "127.0.0." + host);
        StaffLogin.Account admin = StaffLogin.like(context, "admin");
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("username", admin.username(), "password", admin.password()))
                .location()).endsWith("/login/code");
        assertThat(browser.post("/login/code", Map.of("code", admin.code())).location()).endsWith("/admin");
        browser.get("/account/login");
        assertThat(browser.post("/account/login/password", Map.of("loginName", citizen.mobile(),
                "password", TestPersons.PASSWORD)).status()).isEqualTo(302);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(browser.get("/account").status()).isEqualTo(200);
        return browser;
    }
}
