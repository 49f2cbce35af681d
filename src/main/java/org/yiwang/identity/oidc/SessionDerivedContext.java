package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The security context of the authorization server's endpoints, derived (once per request, lazily) from a login
 * kept in the session by another filter chain: the portal's citizen login or the staff login. Read-only: logging in
 * happens on those chains, so nothing is saved back.
 */
abstract class SessionDerivedContext implements SecurityContextRepository {

    private final SecurityContextRepository logins;

    SessionDerivedContext(SecurityContextRepository logins) {
        this.logins = logins;
    }

    /** The context the authorization server sees for the session's login; empty when there is none. */
    abstract SecurityContext derive(SecurityContext login, HttpServletRequest request);

    /** When the session's login was completed (the ID token's auth_time), from a session attribute. */
    static Instant loginTime(HttpServletRequest request, String attribute) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(attribute) instanceof Instant at ? at : Instant.now();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> login = logins.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private @Nullable SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = derive(login.get(), request);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return logins.containsContext(request);
    }
}
