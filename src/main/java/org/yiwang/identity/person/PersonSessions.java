package org.yiwang.identity.person;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.Person;

/**
 * Citizens' sessions. They live in the database (Spring Session JDBC) like every session, but the citizen's security
 * context is kept under its own session attribute ({@link #CONTEXT_ATTRIBUTE}): the staff filter chain never sees it
 * and the citizens' chain never sees a staff login, so neither can act as the other. A citizen's login is a handful
 * of session attributes; ending it (logout, "log out everywhere", a password reset, the absolute timeout) removes
 * those and leaves the session, so that a staff member logged in in the same browser stays logged in, and the staff
 * logout likewise leaves the citizen's attributes alone. Each session with a citizen login is indexed by the account
 * id, which finds all of them for "log out everywhere" and the list of active sessions; a citizen's login ends
 * {@code yiwang.identity.absolute-session-timeout} after it started however active it is.
 */
@Configuration(proxyBeanMethods = false)
public class PersonSessions {

    /** Session attribute holding the citizen's security context. */
    public static final String CONTEXT_ATTRIBUTE = "YIWANG_PERSON_SECURITY_CONTEXT";
    /** Session attribute holding the {@link org.yiwang.identity.ActingFor} the person has switched into. */
    public static final String ACTING_ATTRIBUTE = "YIWANG_PERSON_ACTING_FOR";
    public static final String AUTHENTICATED_AT = "YIWANG_PERSON_AUTHENTICATED_AT";
    /** Session attribute holding the {@link Device} the citizen logged in from. */
    static final String DEVICE_ATTRIBUTE = "YIWANG_PERSON_DEVICE";
    public static final String ROLE = "ROLE_PERSON";

    /**
     * Logging out of one login (citizen or staff) keeps the session for the other one but gives it a new id, so an
     * id seen while logged in is worth nothing afterwards.
     */
    public static final LogoutHandler NEW_SESSION_ID = (request, response, authentication) -> {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    };

    /** The session attributes that make up a citizen's login. */
    private static final List<String> LOGIN_ATTRIBUTES = List.of(CONTEXT_ATTRIBUTE, ACTING_ATTRIBUTE,
            AUTHENTICATED_AT, DEVICE_ATTRIBUTE, FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);

    /** Where and with what a citizen logged in: the address masked to its network, the browser's user agent. */
    record Device(String maskedAddress, String userAgent) implements Serializable {
    }

    /**
     * A session in which the account is logged in, as its holder sees it. {@code handle} names it without revealing
     * its id (which is the cookie's value).
     */
    public record ActiveSession(String handle, String maskedAddress, String userAgent, Instant loggedInAt,
            Instant lastAccess, boolean current) {
    }

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersonalDataProtection protection;
    private final Duration absoluteTimeout;
    private final Clock clock = Clock.systemUTC();

    PersonSessions(FindByIndexNameSessionRepository<? extends Session> sessions, PersonalDataProtection protection,
            @Value("${yiwang.identity.absolute-session-timeout:8h}") Duration absoluteTimeout) {
        this.sessions = sessions;
        this.protection = protection;
        this.absoluteTimeout = absoluteTimeout;
        contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
    }

    /**
     * The page a citizen asked for before being sent to log in — applying (申报) and their own cases — kept in the
     * session under its own name (apart from the staff login's), so that logging in leads back to it.
     */
    public static final HttpSessionRequestCache RETURN_AFTER_LOGIN = returnAfterLogin();

    private static HttpSessionRequestCache returnAfterLogin() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName("YIWANG_PERSON_RETURN_TO");
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && (request.getRequestURI().startsWith(request.getContextPath() + "/account/apply/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/account/cases")));
        return cache;
    }

    /** Where the citizens' filter chain loads and saves its security context. */
    public HttpSessionSecurityContextRepository contextRepository() {
        return contexts;
    }

    /** What the citizens' logout does besides clearing the context: ends the citizen's login on this session only. */
    public LogoutHandler logoutHandler() {
        return (request, response, authentication) -> end(request);
    }

    /**
     * Logs the person in on this request: a new session id (no fixation) and CSRF token, the context, the index,
     * the time of login and the device.
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
        ClientInfo client = ClientInfo.of(request);
        session.setAttribute(DEVICE_ATTRIBUTE, new Device(client.maskedAddress(), client.userAgent()));
    }

    /** Ends the citizen's login on this request's session, keeping the session (and any staff login) with a new id. */
    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            LOGIN_ATTRIBUTES.forEach(session::removeAttribute);
            request.changeSessionId();
        }
        SecurityContextHolder.clearContext();
    }

    /**
     * 退出所有设备: ends the account's login in every session, this request's included when it is one of them.
     * Returns how many ended.
     */
    int endAll(AccountId account, @Nullable HttpServletRequest here) {
        String current = currentId(here);
        int ended = 0;
        for (Session session : sessions.findByPrincipalName(account.value()).values()) {
            if (!session.getId().equals(current)) {
                strip(sessions, session.getId());
                ended++;
            }
        }
        if (here != null && loggedIn(here).filter(account::equals).isPresent()) {
            end(here);
            ended++;
        }
        return ended;
    }

    /** The sessions in which the account is logged in, most recently used first. */
    List<ActiveSession> active(AccountId account, HttpServletRequest here) {
        String current = currentId(here);
        return sessions.findByPrincipalName(account.value()).values().stream()
                .filter(s -> !s.isExpired() && s.getAttribute(CONTEXT_ATTRIBUTE) != null)
                .map(s -> {
                    Device device = s.getAttribute(DEVICE_ATTRIBUTE) instanceof Device d ? d : new Device("-", "");
                    Instant at = s.getAttribute(AUTHENTICATED_AT) instanceof Instant i ? i : s.getCreationTime();
                    return new ActiveSession(handle(s.getId()), device.maskedAddress(), device.userAgent(), at,
                            s.getLastAccessedTime(), s.getId().equals(current));
                })
                .sorted(Comparator.comparing(ActiveSession::lastAccess).reversed()).toList();
    }

    /** Which session {@link #end(AccountId, String, HttpServletRequest)} ended. */
    enum Ended {
        NONE,
        OTHER,
        CURRENT
    }

    /** Ends the account's login in its session with that handle, if it has one. */
    Ended end(AccountId account, String handle, HttpServletRequest here) {
        String current = currentId(here);
        for (Session session : sessions.findByPrincipalName(account.value()).values()) {
            if (handle(session.getId()).equals(handle)) {
                if (session.getId().equals(current)) {
                    end(here);
                    return Ended.CURRENT;
                }
                strip(sessions, session.getId());
                return Ended.OTHER;
            }
        }
        return Ended.NONE;
    }

    private String handle(String sessionId) {
        return HexFormat.of().formatHex(protection.hash("session:" + sessionId), 0, 16);
    }

    private static @Nullable String currentId(@Nullable HttpServletRequest request) {
        HttpSession session = request == null ? null : request.getSession(false);
        return session == null ? null : session.getId();
    }

    /** Removes the citizen's login from a stored session (not this request's), which stays for anything else. */
    private static <S extends Session> void strip(FindByIndexNameSessionRepository<S> repository, String id) {
        S session = repository.findById(id);
        if (session != null) {
            LOGIN_ATTRIBUTES.forEach(session::removeAttribute);
            repository.save(session);
        }
    }

    /** The account logged in as a citizen on the request's session, if any. */
    private static Optional<AccountId> loggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CONTEXT_ATTRIBUTE) instanceof SecurityContext c
                && c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Person p
                ? Optional.of(p.accountId()) : Optional.empty();
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
                    LOGIN_ATTRIBUTES.forEach(session::removeAttribute);
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
