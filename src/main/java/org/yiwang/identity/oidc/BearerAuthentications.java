package org.yiwang.identity.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.yiwang.identity.StaffPrincipal;

/**
 * Who calls the bearer-token API. Every caller has the authorities {@code SCOPE_<scope>} and
 * {@code ACCOUNT_TYPE_<account_type>}. A staff member's token becomes an authentication whose principal is the
 * {@link StaffPrincipal} loaded afresh from the staff accounts, with its role authorities, so that
 * {@code CurrentStaff} and role checks work as in a staff session and a disabled account is refused at once (401).
 * Other tokens keep the {@link Jwt} as principal.
 */
final class BearerAuthentications implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ACCOUNT_TYPE = "ACCOUNT_TYPE_";

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    private final StaffTokenAccounts staff;

    BearerAuthentications(StaffTokenAccounts staff) {
        this.staff = staff;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String accountType = jwt.getClaimAsString("account_type");
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        authorities.add(new SimpleGrantedAuthority(ACCOUNT_TYPE + accountType));
        if (!StaffTokenAccounts.ACCOUNT_TYPE_STAFF.equals(accountType)) {
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
        StaffPrincipal principal = staff.find(jwt.getSubject())
                .orElseThrow(() -> new DisabledException("staff account not active"));
        authorities.addAll(principal.getAuthorities());
        return new StaffToken(principal, jwt, authorities);
    }

    /** A staff member calling with a bearer token. */
    static final class StaffToken extends AbstractAuthenticationToken {

        private final StaffPrincipal principal;
        private final Jwt token;

        StaffToken(StaffPrincipal principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
            super(authorities);
            this.principal = principal;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Jwt getCredentials() {
            return token;
        }

        @Override
        public StaffPrincipal getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return token.getSubject();
        }
    }
}
