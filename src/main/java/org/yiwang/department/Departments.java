package org.yiwang.department;

import java.util.List;
import java.util.Optional;
import org.yiwang.shared.CreditCode;

/** Looks up departments. */
public interface Departments {

    Optional<Department> find(CreditCode code);

    /** All departments, ordered by level then region then name. */
    List<Department> all();
}
