package org.yiwang.identity.staff;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yiwang.identity.StaffPrincipal;

/**
 * The staff accounts as Spring Security loads them, for sign-in paths that have authenticated the staff member
 * themselves (e.g. through a department's identity provider): a {@link StaffPrincipal} without password for an
 * active account; {@link UsernameNotFoundException} for an unknown username, {@link DisabledException} for a
 * disabled account.
 */
@Component
class StaffDirectory implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffDirectory(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public StaffPrincipal loadUserByUsername(String username) {
        StaffAccount account = accounts.find(username).orElseThrow(
                () -> new UsernameNotFoundException("unknown staff account"));
        if (!account.active()) {
            throw new DisabledException("staff account disabled");
        }
        return new StaffPrincipal(account.staff());
    }
}
