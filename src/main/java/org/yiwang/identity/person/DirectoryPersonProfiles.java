package org.yiwang.identity.person;

import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.PersonProfile;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.shared.IdNumber;

/** Person accounts and the personal-data keys as the identity module offers them to other modules. */
@Component
class DirectoryPersonProfiles implements PersonProfiles, PersonalDataCipher {

    private final PersonDirectory directory;
    private final PersonalDataProtection protection;

    DirectoryPersonProfiles(PersonDirectory directory, PersonalDataProtection protection) {
        this.directory = directory;
        this.protection = protection;
    }

    @Override
    public Optional<PersonProfile> profile(AccountId accountId) {
        return directory.find(accountId).map(DirectoryPersonProfiles::profile);
    }

    @Override
    public Optional<PersonProfile> findByIdNumber(IdNumber idNumber) {
        return directory.findByIdNumber(idNumber).map(DirectoryPersonProfiles::profile);
    }

    @Override
    public byte[] encrypt(String plain) {
        return protection.encrypt(plain);
    }

    @Override
    public String decrypt(byte[] stored) {
        return protection.decrypt(stored);
    }

    @Override
    public String hash(String plain) {
        return HexFormat.of().formatHex(protection.hash(plain));
    }

    private static PersonProfile profile(PersonDirectory.Entry e) {
        return new PersonProfile(e.accountId(), e.name(), e.idNumber(), e.mobile(), e.level(), e.active());
    }
}
