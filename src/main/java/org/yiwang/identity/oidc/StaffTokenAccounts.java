package org.yiwang.identity.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffPrincipal;
import org.yiwang.identity.StaffRole;

/**
 * Staff accounts as the provider and the bearer API see them: by opaque subject, loaded afresh from the staff
 * accounts ({@link UserDetailsService}) every time, so that a disabled, locked or removed account gets no token, no
 * refresh and no bearer call. The claims of a staff member: {@code sub} (opaque), {@code account_type} =
 * {@code staff}, {@code name}, {@code department} (credit code), {@code region} (division code), {@code roles}; never
 * the username and no person claims.
 */
@Component("oidcStaffAccounts")
class StaffTokenAccounts {

    static final String ACCOUNT_TYPE_STAFF = "staff";
    /** Authority marking the authorization of a staff member (the principal name is then the staff subject). */
    static final String STAFF_ACCOUNT = "OIDC_STAFF_ACCOUNT";

    private final StaffSubjects subjects;
    private final UserDetailsService accounts;

    StaffTokenAccounts(StaffSubjects subjects, UserDetailsService accounts) {
        this.subjects = subjects;
        this.accounts = accounts;
    }

    static boolean isStaff(Authentication principal) {
        return principal.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(STAFF_ACCOUNT::equals);
    }

    String subjectOf(StaffPrincipal principal) {
        return subjects.subjectOf(principal.getUsername());
    }

    /** The active account with this subject, freshly loaded. */
    Optional<StaffPrincipal> find(String subject) {
        return subjects.usernameOf(subject).flatMap(this::load);
    }

    private Optional<StaffPrincipal> load(String username) {
        UserDetails user;
        try {
            user = accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
        return user instanceof StaffPrincipal staff && staff.isEnabled() && staff.isAccountNonLocked()
                && staff.isAccountNonExpired() ? Optional.of(staff) : Optional.empty();
    }

    /** The claims of the staff member of an authorization, or none when the account is no longer active. */
    Map<String, Object> claims(Authentication principal) {
        return find(principal.getName()).map(p -> claims(principal.getName(), p.staff())).orElse(Map.of());
    }

    private static Map<String, Object> claims(String subject, Staff staff) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("name", staff.displayName());
        claims.put("account_type", ACCOUNT_TYPE_STAFF);
        claims.put("department", staff.departmentCode().value());
        claims.put("region", staff.regionCode().value());
        // An ArrayList: the claims are stored with the authorization, whose JSON mapper knows only common types.
        claims.put("roles", new ArrayList<>(staff.roles().stream().map(StaffRole::name).sorted().toList()));
        return claims;
    }
}
