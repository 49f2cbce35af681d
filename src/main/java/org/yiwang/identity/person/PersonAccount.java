package org.yiwang.identity.person;

import java.time.Instant;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.Person;
import org.yiwang.shared.IdNumber;
import org.yiwang.shared.Masking;

/** A stored natural-person account; {@link #toString()} masks the personal data. */
record PersonAccount(AccountId accountId, String name, IdNumber idNumber, String mobile, String passwordHash,
        AssuranceLevel level, AccountStatus status, Instant createdAt) {

    Person person() {
        return new Person(accountId, name, level);
    }

    String maskedMobile() {
        return Masking.mobile(mobile);
    }

    @Override
    public String toString() {
        return "PersonAccount[" + accountId + ", " + idNumber.masked() + ", " + maskedMobile() + ", " + level + "]";
    }
}
