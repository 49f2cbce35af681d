package org.yiwang.identity;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Staff accounts from configuration, until the unified identity service holds them. */
@ConfigurationProperties("yiwang.identity")
record DemoStaffProperties(List<Account> demoStaff) {

    DemoStaffProperties {
        demoStaff = demoStaff == null ? List.of() : List.copyOf(demoStaff);
    }

    record Account(String username, String password, String displayName, String departmentCode, String regionCode,
            Set<StaffRole> roles) {
    }
}
