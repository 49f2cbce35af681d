package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.yiwang.identity.StaffPrincipal;

/**
 * The security context of the authorization endpoint for a client that signs in staff: the staff member logged in
 * through the staff login, read from Spring Security's default session attribute
 * ({@link HttpSessionSecurityContextRepository}), where the staff chain keeps it. Only a completed login counts: an
 * authenticated {@link StaffPrincipal} (a login with a second factor must not put one there before the second factor
 * is confirmed). The authorization server stores its principal with every authorization, so it sees the staff member
 * only by the opaque subject ({@link StaffSubjects}) with the {@link StaffTokenAccounts#STAFF_ACCOUNT} authority and the
 * login's factors (their time is the ID token's {@code auth_time}); the
 * account and its claims are read again whenever a token is issued. Nothing is saved back.
 */
final class StaffAuthorizationContext implements SecurityContextRepository {

    /** The factor recorded when the staff login records none of its own (the ID token's auth_time needs one). */
    private static final String STAFF_LOGIN = "FACTOR_STAFF_LOGIN";

    private final SecurityContextRepository staffSessions = new HttpSessionSecurityContextRepository();
    private final StaffTokenAccounts accounts;

    StaffAuthorizationContext(StaffTokenAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> staff = staffSessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private @Nullable SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = subjectOnly(staff.get());
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    private SecurityContext subjectOnly(SecurityContext staff) {
        Authentication auth = staff.getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof StaffPrincipal principal) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(StaffTokenAccounts.STAFF_ACCOUNT));
            auth.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance).forEach(authorities::add);
            if (authorities.size() == 1) {
                authorities.add(FactorGrantedAuthority.withAuthority(STAFF_LOGIN).issuedAt(Instant.now()).build());
            }
            return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    accounts.subjectOf(principal), null, authorities));
        }
        return SecurityContextHolder.createEmptyContext();
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
        return staffSessions.containsContext(request);
    }
}
