package org.yiwang.identity.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * With {@code yiwang.demo.enabled}: creates the demo staff accounts of {@code classpath:identity/demo-staff.csv}
 * (after the demo departments), with their fixed, published TOTP secrets. Idempotent: existing accounts are kept.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    record Account(String username, String password, String displayName, CreditCode department, DivisionCode region,
            Set<StaffRole> roles, String totpSecret) {
    }

    private final StaffAccounts accounts;

    DemoStaff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Account a : accounts()) {
            if (accounts.seed(a.username(), a.displayName(), a.department(), a.region(), a.roles(), a.password(),
                    a.totpSecret(), "demo")) {
                created++;
            }
        }
        log.info("Demo staff accounts: {} created", created);
    }

    static List<Account> accounts() {
        String csv;
        try {
            csv = new ClassPathResource("identity/demo-staff.csv").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(line -> {
            String[] f = line.split(",");
            return new Account(f[0], f[1], f[2], CreditCode.of(f[3]), DivisionCode.of(f[4]),
                    Arrays.stream(f[5].split(";")).map(StaffRole::valueOf).collect(Collectors.toSet()), f[6]);
        }).toList();
    }
}
