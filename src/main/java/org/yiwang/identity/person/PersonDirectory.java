package org.yiwang.identity.person;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.shared.IdNumber;
import org.yiwang.shared.Masking;

/**
 * Read access to a natural-person account for the OpenID Connect provider and the personal API: the current name,
 * level and contact data of an account, found by its opaque id. {@link Entry#toString()} masks the personal data.
 */
@Component
public class PersonDirectory {

    /** An account as other parts of the identity module may read it. */
    public record Entry(AccountId accountId, String name, IdNumber idNumber, String mobile, AssuranceLevel level,
            boolean active) {

        public String maskedMobile() {
            return Masking.mobile(mobile);
        }

        @Override
        public String toString() {
            return "PersonDirectory.Entry[" + accountId + ", " + idNumber.masked() + ", " + maskedMobile() + ", "
                    + level + "]";
        }
    }

    private final PersonAccounts accounts;

    PersonDirectory(PersonAccounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Entry> find(AccountId id) {
        return accounts.find(id).map(PersonDirectory::entry);
    }

    public Optional<Entry> findByIdNumber(IdNumber idNumber) {
        return accounts.findByIdNumber(idNumber).map(PersonDirectory::entry);
    }

    private static Entry entry(PersonAccount a) {
        return new Entry(a.accountId(), a.name(), a.idNumber(), a.mobile(), a.level(),
                a.status() == AccountStatus.ACTIVE);
    }
}
