package org.yiwang.identity.oidc.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;

/**
 * The staff members' API reached with a bearer token of a client that signs in staff ({@code /api/v1/staff/**}):
 * the caller is the staff account, loaded afresh for every call, as in a staff session.
 */
@RestController
class StaffApi {

    /** The calling staff member. */
    record StaffMe(String username, String name, String department, String region, List<String> roles) {
    }

    @GetMapping("/api/v1/staff/me")
    StaffMe me() {
        Staff staff = CurrentStaff.require();
        return new StaffMe(staff.username(), staff.displayName(), staff.departmentCode().value(),
                staff.regionCode().value(), staff.roles().stream().map(StaffRole::name).sorted().toList());
    }
}
