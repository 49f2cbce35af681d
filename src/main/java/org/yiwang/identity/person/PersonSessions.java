package org.yiwang.identity.person;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.Person;

/**
 * Citizens' sessions. They live in the database (Spring Session JDBC) like every session, but the citizen's security
 * context is kept under its own session attribute ({@link #CONTEXT_ATTRIBUTE}): the staff filter chain never sees it
 * and the citizens' chain never sees a staff login, so neither can act as the other. Each session is indexed by the
 * account id, which finds all sessions of one account for "log out everywhere"; a session ends
 * {@code yiwang.identity.absolute-session-timeout} after login however active it is.
 */
@Configuration(proxyBeanMethods = false)
public class PersonSessions {

    /** Session attribute holding the citizen's security context. */
    public static final String CONTEXT_ATTRIBUTE = "YIWANG_PERSON_SECURITY_CONTEXT";
    /** Session attribute holding the {@link org.yiwang.identity.ActingFor} the person has switched into. */
    public static final String ACTING_ATTRIBUTE = "YIWANG_PERSON_ACTING_FOR";
    public static final String AUTHENTICATED_AT = "YIWANG_PERSON_AUTHENTICATED_AT";
    public static final String ROLE = "ROLE_PERSON";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Duration absoluteTimeout;
    private final Clock clock = Clock.systemUTC();

    PersonSessions(FindByIndexNameSessionRepository<? extends Session> sessions,
            @Value("${yiwang.identity.absolute-session-timeout:8h}") Duration absoluteTimeout) {
        this.sessions = sessions;
        this.absoluteTimeout = absoluteTimeout;
        contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
    }

    /** Where the citizens' filter chain loads and saves its security context. */
    public HttpSessionSecurityContextRepository contextRepository() {
        return contexts;
    }

    /**
     * Logs the person in on this request: a new session id (no fixation) and CSRF token, the context, the index and
     * the time of login.
     */
    void start(Person person, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null,
                List.of(new SimpleGrantedAuthority(ROLE))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, person.getName());
        session.setAttribute(AUTHENTICATED_AT, clock.instant());
    }

    /** 退出所有设备: deletes every session of the account, this one included. Returns how many ended. */
    int endAll(AccountId account) {
        var found = sessions.findByPrincipalName(account.value()).keySet();
        found.forEach(sessions::deleteById);
        return found.size();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> personAbsoluteTimeout() {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(AUTHENTICATED_AT) instanceof Instant at
                        && at.plus(absoluteTimeout).isBefore(clock.instant())) {
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        // After Spring Session's repository filter, before Spring Security (-100).
        registration.setOrder(-110);
        return registration;
    }
}
