package org.yiwang.identity;

import org.yiwang.shared.IdNumber;
import org.yiwang.shared.Masking;

/**
 * What other modules may read of a natural-person account to fill an application (一号: the applicant never retypes
 * name, ID number or mobile): {@link #toString()} masks the personal data.
 */
public record PersonProfile(AccountId accountId, String name, IdNumber idNumber, String mobile,
        AssuranceLevel level, boolean active) {

    public Person person() {
        return new Person(accountId, name, level);
    }

    @Override
    public String toString() {
        return "PersonProfile[" + accountId + ", " + idNumber.masked() + ", " + Masking.mobile(mobile) + ", " + level
                + "]";
    }
}
