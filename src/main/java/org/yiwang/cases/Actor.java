package org.yiwang.cases;

import org.jspecify.annotations.Nullable;
import org.yiwang.identity.Person;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;

/** Who acts on a case, as the trail records it. */
record Actor(String kind, String id, String name, @Nullable StaffRole role, String channel) {

    static final Actor SYSTEM = new Actor("SYSTEM", "system", "系统", null, "SYSTEM");

    static Actor applicant(Person person) {
        return new Actor("APPLICANT", person.accountId().value(), person.name(), null, "ONLINE");
    }

    static Actor staff(Staff staff, StaffRole role) {
        String channel = role == StaffRole.WINDOW_CLERK ? "WINDOW" : "OFFICE";
        return new Actor("STAFF", staff.username(), staff.displayName(), role, channel);
    }
}
