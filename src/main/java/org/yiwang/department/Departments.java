package org.yiwang.department;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** Looks up departments. */
public interface Departments {

    Optional<Department> find(CreditCode code);

    /** All departments, ordered by level then region then name. */
    List<Department> all();

    /**
     * Departments in {@code region} or any region inside it, at {@code level}; a null argument does not filter.
     * Ordered as {@link #all()}.
     */
    List<Department> list(@Nullable DivisionCode region, Department.@Nullable DepartmentLevel level);

    /** The department or a refusal: {@code DEPARTMENT_NOT_FOUND}. */
    default Department require(CreditCode code) {
        return find(code).orElseThrow(() -> new BusinessException(DepartmentError.DEPARTMENT_NOT_FOUND, code.value()));
    }
}
