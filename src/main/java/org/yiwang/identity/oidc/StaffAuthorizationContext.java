package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.yiwang.identity.StaffPrincipal;
import org.yiwang.identity.staff.StaffSessions;

/**
 * The security context of the authorization endpoint for a client that signs in staff: the staff member logged in
 * through the staff login, read from Spring Security's default session attribute
 * ({@link HttpSessionSecurityContextRepository}), where the staff chain keeps it. Only a completed login counts: an
 * authenticated {@link StaffPrincipal} (a login with a second factor must not put one there before the second factor
 * is confirmed). The authorization server stores its principal with every authorization, so it sees the staff member
 * only by the opaque subject ({@link StaffSubjects}) with the {@link StaffTokenAccounts#STAFF_ACCOUNT} authority and the
 * time the login was completed ({@link StaffSessions#AUTHENTICATED_AT}, the ID token's {@code auth_time}); the
 * account and its claims are read again whenever a token is issued.
 */
final class StaffAuthorizationContext extends SessionDerivedContext {

    /** The factor recording when the staff login was completed (the ID token's auth_time needs one). */
    private static final String STAFF_LOGIN = "FACTOR_STAFF_LOGIN";

    private final StaffTokenAccounts accounts;

    StaffAuthorizationContext(StaffTokenAccounts accounts) {
        super(new HttpSessionSecurityContextRepository());
        this.accounts = accounts;
    }

    @Override
    SecurityContext derive(SecurityContext staff, HttpServletRequest request) {
        Authentication auth = staff.getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof StaffPrincipal principal) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(StaffTokenAccounts.STAFF_ACCOUNT));
            authorities.add(FactorGrantedAuthority.withAuthority(STAFF_LOGIN)
                    .issuedAt(loginTime(request, StaffSessions.AUTHENTICATED_AT)).build());
            return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    accounts.subjectOf(principal), null, authorities));
        }
        return SecurityContextHolder.createEmptyContext();
    }
}
