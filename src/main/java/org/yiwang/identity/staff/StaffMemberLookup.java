package org.yiwang.identity.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffMembers;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** {@link StaffMembers} on the stored accounts. */
@Component
class StaffMemberLookup implements StaffMembers {

    private final StaffAccounts accounts;

    StaffMemberLookup(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Staff> active(String username) {
        return accounts.find(username).filter(StaffAccount::active).map(StaffAccount::staff);
    }

    @Override
    public List<Staff> covering(StaffRole role, CreditCode department, DivisionCode region) {
        return accounts.activeWithRole(role).stream().map(StaffAccount::staff)
                .filter(s -> s.covers(role, department, region)).limit(200).toList();
    }
}
