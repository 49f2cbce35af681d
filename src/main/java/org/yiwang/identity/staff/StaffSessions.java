package org.yiwang.identity.staff;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiwang.identity.StaffPrincipal;

/**
 * Staff sessions. A login in progress (password given, second factor or first-login steps pending) is a
 * {@link PendingLogin} in the session and nothing else: no authentication is in the security context until both
 * factors have been given; then {@link #complete} puts a {@link StaffPrincipal} into the session's default security
 * context, under a new session id and CSRF token.
 *
 * <p>Every request of a logged-in staff member is checked against the account, per request (one primary-key read):
 * a disabled or deleted account ends the session at once, as does a password or TOTP reset after the session's login
 * (administrators' resets also delete the account's sessions through the session index); changed roles, name or
 * department replace the principal at once, so that removing a role takes effect on the next request. A staff login
 * also ends {@code yiwang.identity.absolute-session-timeout} after it was completed, however active it is; that
 * removes only the staff login from the session (a citizen's login in the same browser stays).
 */
@Component
public class StaffSessions {

    private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

    /** Session attribute holding the {@link PendingLogin}. */
    static final String PENDING = "YIWANG_STAFF_PENDING_LOGIN";
    /** Session attribute: when the staff member completed the login. */
    public static final String AUTHENTICATED_AT = "YIWANG_STAFF_AUTHENTICATED_AT";
    /** How long a login may stay half-finished. */
    static final Duration PENDING_TIMEOUT = Duration.ofMinutes(10);

    /** The steps of a login after the password. */
    enum Stage {
        /** Enter the authenticator's code. */
        CODE,
        /** First login without an enrolled secret: scan it and confirm it with a code. */
        ENROL,
        /** Both factors given; the password must be changed before the login completes. */
        CHANGE_PASSWORD
    }

    /**
     * A login in progress. {@code passwordAccepted} is false for an unknown username, a wrong password or a disabled
     * account: the login goes on to the code step all the same and fails there with the one message for all cases.
     */
    record PendingLogin(String username, boolean passwordAccepted, Stage stage, Instant startedAt)
            implements Serializable {

        PendingLogin next(Stage stage) {
            return new PendingLogin(username, passwordAccepted, stage, startedAt);
        }

        boolean expired() {
            return startedAt.plus(PENDING_TIMEOUT).isBefore(Instant.now());
        }
    }

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final StaffAccounts accounts;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    private final Duration absoluteTimeout;

    StaffSessions(StaffAccounts accounts, FindByIndexNameSessionRepository<? extends Session> sessions,
            @Value("${yiwang.identity.absolute-session-timeout:8h}") Duration absoluteTimeout) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** Starts (or restarts) a login after the password step, under a new session id. */
    void begin(PendingLogin pending, HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(PENDING, pending);
    }

    Optional<PendingLogin> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof PendingLogin p) {
            if (!p.expired()) {
                return Optional.of(p);
            }
            session.removeAttribute(PENDING);
        }
        return Optional.empty();
    }

    void advance(PendingLogin pending, HttpServletRequest request) {
        request.getSession().setAttribute(PENDING, pending);
    }

    void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    /** Logs the staff member in: new session id and CSRF token, the principal in the default security context. */
    void complete(StaffAccount account, HttpServletRequest request, HttpServletResponse response) {
        abandon(request);
        request.getSession(true);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        save(new StaffPrincipal(account.staff()), request, response);
        request.getSession().setAttribute(AUTHENTICATED_AT, Instant.now());
    }

    /** After the holder changed their own password: this session stays, begun anew. */
    void renew(HttpServletRequest request) {
        request.changeSessionId();
        request.getSession().setAttribute(AUTHENTICATED_AT, Instant.now());
    }

    /** Deletes every session of the account except {@code keep} (a session id, or null for none). */
    int endAll(String username, @Nullable String keep) {
        var found = sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep)).toList();
        found.forEach(sessions::deleteById);
        return found.size();
    }

    /** The per-request check of the class documentation, for the staff filter chain. */
    public Filter accountCheck() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                check(request, response);
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
            }
        };
    }

    private void check(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal principal)) {
            return;
        }
        String username = principal.getUsername();
        Optional<StaffAccount> account = accounts.find(username);
        HttpSession session = request.getSession(false);
        Instant since = session != null && session.getAttribute(AUTHENTICATED_AT) instanceof Instant at ? at : null;
        if (account.isEmpty() || !account.get().active()
                || since != null && account.get().credentialsChangedAt().isAfter(since)) {
            log.info("Session of staff {} ended: account disabled or its credentials reset", username);
            SecurityContextHolder.clearContext();
            if (session != null) {
                session.invalidate();
            }
            return;
        }
        if (since != null && since.plus(absoluteTimeout).isBefore(Instant.now())) {
            log.info("Login of staff {} ended: absolute session timeout", username);
            SecurityContextHolder.clearContext();
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.removeAttribute(AUTHENTICATED_AT);
            return;
        }
        if (!account.get().staff().equals(principal.staff())) {
            save(new StaffPrincipal(account.get().staff()), request, response);
        }
    }

    private void save(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
