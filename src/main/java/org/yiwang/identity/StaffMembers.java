package org.yiwang.identity;

import java.util.List;
import java.util.Optional;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** Active staff accounts as other modules may know them, e.g. to hand a task to a colleague (转办). */
public interface StaffMembers {

    /** The member with this username if the account exists and is active. */
    Optional<Staff> active(String username);

    /** Active members who, acting as {@code role}, cover work of this department in this region (at most 200). */
    List<Staff> covering(StaffRole role, CreditCode department, DivisionCode region);
}
