package org.yiwang.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffPrincipal;

/** A staff login ends after the absolute session timeout (8 hours) however active; the session itself stays. */
@IntegrationTest
class StaffSessionTimeoutTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    StaffSessions sessions;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLoginOlderThanTheAbsoluteTimeoutEndsAndAYoungerOneStays() throws Exception {
        String username = StaffLogin.like(context, "ft-clerk").username();
        jdbc.sql("UPDATE staff_account SET credentials_changed_at = now() - interval '9 hours' WHERE username = ?")
                .param(username).update();
        StaffPrincipal principal = new StaffPrincipal(accounts.find(username).orElseThrow().staff());

        MockHttpSession old = request(principal, Instant.now().minus(Duration.ofHours(8).plusMinutes(1)));
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(old.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        assertThat(old.getAttribute("citizen")).as("other logins in the session stay").isEqualTo("kept");

        MockHttpSession recent = request(principal, Instant.now().minus(Duration.ofHours(7)));
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal()).isEqualTo(principal);
        assertThat(recent.getAttribute(StaffSessions.AUTHENTICATED_AT)).isNotNull();
    }

    private MockHttpSession request(StaffPrincipal principal, Instant loggedInAt) throws Exception {
        var session = new MockHttpSession();
        session.setAttribute(StaffSessions.AUTHENTICATED_AT, loggedInAt);
        session.setAttribute("citizen", "kept");
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(auth);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
        SecurityContextHolder.setContext(securityContext);
        var request = new MockHttpServletRequest("GET", "/admin/me");
        request.setSession(session);
        sessions.accountCheck().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return session;
    }
}
