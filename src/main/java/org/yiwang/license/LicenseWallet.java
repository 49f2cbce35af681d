package org.yiwang.license;

import java.util.List;
import org.springframework.stereotype.Service;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * 我的证照 (licence wallet): a person sees the licences issued to their ID number; acting for an enterprise, as its
 * legal representative or an agent allowed to use licences ({@link ActingFor#mayUseLicences()}), the enterprise's.
 * Another holder's licence is answered as not found.
 */
@Service
class LicenseWallet {

    private final LicenseStore store;
    private final PersonProfiles profiles;
    private final PersonalDataCipher cipher;

    LicenseWallet(LicenseStore store, PersonProfiles profiles, PersonalDataCipher cipher) {
        this.store = store;
        this.profiles = profiles;
        this.cipher = cipher;
    }

    List<IssuedLicense> list(Applicant applicant) {
        return store.ofHolder(holderHash(applicant));
    }

    IssuedLicense find(Applicant applicant, String identifier) {
        LicenseId id = LicenseId.isValid(identifier) ? LicenseId.parse(identifier) : null;
        if (id == null || !store.heldBy(id, holderHash(applicant))) {
            throw new BusinessException(LicenseError.LICENSE_NOT_FOUND);
        }
        return store.find(id).orElseThrow();
    }

    byte[] file(Applicant applicant, String identifier) {
        return store.file(find(applicant, identifier).id());
    }

    List<LicenseStore.HistoryEntry> history(Applicant applicant, String identifier) {
        return store.history(find(applicant, identifier).identifier());
    }

    /** The keyed hash of the holder code the applicant's licences are stored under. */
    String holderHash(Applicant applicant) {
        if (applicant.acting() != null) {
            if (!applicant.acting().mayUseLicences()) {
                throw new BusinessException(LicenseError.LICENSE_NOT_A_HOLDER);
            }
            return cipher.hash(applicant.acting().creditCode());
        }
        return profiles.profile(applicant.person().accountId())
                .map(p -> cipher.hash(p.idNumber().value()))
                .orElseThrow(() -> new BusinessException(CommonError.UNAUTHENTICATED));
    }
}
