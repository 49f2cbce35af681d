package org.yiwang.identity.staff;

import java.time.Instant;
import java.util.Set;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** A stored staff account, without its credentials. */
public record StaffAccount(String username, String displayName, CreditCode departmentCode, DivisionCode regionCode,
        Set<StaffRole> roles, StaffStatus status, boolean mustChangePassword, boolean totpEnrolled,
        Instant credentialsChangedAt, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public Staff staff() {
        return new Staff(username, displayName, departmentCode, regionCode, roles);
    }

    public boolean active() {
        return status == StaffStatus.ACTIVE;
    }
}
