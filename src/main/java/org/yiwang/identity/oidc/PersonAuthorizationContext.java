package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.SecurityContextRepository;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.Person;
import org.yiwang.identity.person.PersonSessions;

/**
 * The security context of the authorization server's endpoints: the citizen logged in on the portal (single sign-on),
 * read from the citizen's own session attribute. The authorization server stores its principal with every
 * authorization, so it sees the person only by the opaque account id; the claims are read from the account when a
 * token is issued. A session switched into an enterprise adds the authority {@code ACTING_FOR_<credit code>}, which
 * is stored with the authorization and checked again at every token issue and refresh.
 */
final class PersonAuthorizationContext extends SessionDerivedContext {

    private static final String PORTAL_LOGIN = "FACTOR_PORTAL_LOGIN";

    PersonAuthorizationContext(SecurityContextRepository citizens) {
        super(citizens);
    }

    @Override
    SecurityContext derive(SecurityContext citizen, HttpServletRequest request) {
        return accountOnly(citizen, loginTime(request, PersonSessions.AUTHENTICATED_AT), actingFor(request));
    }

    /** The account id, the citizen's authorities, and when the citizen logged in (the ID token's auth_time). */
    private static SecurityContext accountOnly(SecurityContext citizen, Instant loggedIn, @Nullable ActingFor acting) {
        Authentication auth = citizen.getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof Person person) {
            List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities());
            authorities.add(FactorGrantedAuthority.withAuthority(PORTAL_LOGIN).issuedAt(loggedIn).build());
            if (acting != null) {
                authorities.add(new SimpleGrantedAuthority(PersonClaims.ACTING_FOR + acting.creditCode()));
            }
            return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    person.accountId().value(), null, authorities));
        }
        return SecurityContextHolder.createEmptyContext();
    }

    /** The enterprise the session has switched into; already re-checked for this request by the session filter. */
    private static @Nullable ActingFor actingFor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PersonSessions.ACTING_ATTRIBUTE) instanceof ActingFor acting
                ? acting : null;
    }
}
