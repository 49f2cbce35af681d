package org.yiwang.identity;

import java.util.Optional;
import org.yiwang.shared.IdNumber;

/** Read access to natural-person accounts for other modules: by account id, or by ID number (window registration). */
public interface PersonProfiles {

    Optional<PersonProfile> profile(AccountId accountId);

    Optional<PersonProfile> findByIdNumber(IdNumber idNumber);
}
