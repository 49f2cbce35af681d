package org.yiwang.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/** The staff member of the current request. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<Staff> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return Optional.of(p.staff());
        }
        return Optional.empty();
    }

    public static Staff require() {
        return find().orElseThrow(() -> new BusinessException(CommonError.UNAUTHENTICATED));
    }
}
