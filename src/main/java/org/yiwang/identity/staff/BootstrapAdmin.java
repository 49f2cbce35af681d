package org.yiwang.identity.staff;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * The first platform administrator of a node (初始平台管理员): with {@code yiwang.identity.bootstrap-admin.username},
 * {@code department-code} and {@code region-code} set and no platform administrator yet, creates that account with
 * the password {@code yiwang.identity.bootstrap-admin.password}, or a random one written once to the log. It must be
 * changed, and an authenticator enrolled, at the first login. Everyone else is then created on the staff pages.
 */
@Component
@Order(30)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final StaffAccounts accounts;
    private final StaffChanges changes;
    private final String username;
    private final String department;
    private final String region;
    private final String password;

    BootstrapAdmin(StaffAccounts accounts, StaffChanges changes,
            @Value("${yiwang.identity.bootstrap-admin.username:}") String username,
            @Value("${yiwang.identity.bootstrap-admin.department-code:}") String department,
            @Value("${yiwang.identity.bootstrap-admin.region-code:}") String region,
            @Value("${yiwang.identity.bootstrap-admin.password:}") String password) {
        this.accounts = accounts;
        this.changes = changes;
        this.username = username.strip();
        this.department = department.strip();
        this.region = region.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty() || accounts.list(null).stream()
                .anyMatch(a -> a.active() && a.roles().contains(StaffRole.PLATFORM_ADMIN))) {
            return;
        }
        if (!StaffLogin.USERNAME.matcher(username).matches() || accounts.exists(username)) {
            throw new IllegalStateException("yiwang.identity.bootstrap-admin.username must be a new, valid username "
                    + "(3-32 characters: a-z first, then a-z 0-9 . - _)");
        }
        if (!CreditCode.isValid(department) || !DivisionCode.isWellFormed(region)) {
            throw new IllegalStateException("yiwang.identity.bootstrap-admin.department-code and region-code must be "
                    + "the credit code of the administrator's department and the division code of its region");
        }
        String initial = password.isEmpty() ? StaffPasswords.temporary() : password;
        accounts.insert(username, "平台管理员", CreditCode.of(department), DivisionCode.of(region),
                Set.of(StaffRole.PLATFORM_ADMIN), initial, true, null, "bootstrap");
        changes.record(username, "bootstrap", StaffChanges.Action.CREATED, "初始平台管理员");
        if (password.isEmpty()) {
            log.warn("Platform administrator {} created with the temporary password {} (change it at the first login)",
                    username, initial);
        } else {
            log.warn("Platform administrator {} created with the configured password (change it at the first login)",
                    username);
        }
    }
}
