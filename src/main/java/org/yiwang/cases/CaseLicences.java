package org.yiwang.cases;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Material;
import org.yiwang.shared.BusinessException;

/** The {@link LicenceLibrary} if there is one: licences an applicant may use for a slot, and what fills one. */
@Component
class CaseLicences {

    private final ObjectProvider<LicenceLibrary> library;

    CaseLicences(ObjectProvider<LicenceLibrary> library) {
        this.library = library;
    }

    /** The holder's valid licences that may fill the material's slot (none if it takes no licence or no holder). */
    List<LicenceLibrary.Licence> choices(Material m, @Nullable String holder) {
        LicenceLibrary l = library.getIfAvailable();
        return l == null || holder == null || m.licenceTypeCode() == null ? List.of()
                : l.validLicences(m.licenceTypeCode(), holder);
    }

    Optional<String> newest(Material m, @Nullable String holder) {
        return choices(m, holder).stream().findFirst().map(LicenceLibrary.Licence::identifier);
    }

    /**
     * The holder's licence chosen for the material's slot; refused when the slot takes no licence, the licence is not
     * the holder's (as if it did not exist), of another type, or not valid now.
     */
    LicenceLibrary.Licence usable(Material m, String identifier, @Nullable String holder) {
        LicenceLibrary l = library.getIfAvailable();
        if (l == null || m.licenceTypeCode() == null) {
            throw new BusinessException(CasesError.CASES_LICENCE_NOT_ACCEPTED, m.name());
        }
        if (holder == null) {
            throw new BusinessException(CasesError.CASES_LICENCE_NOT_A_HOLDER);
        }
        LicenceLibrary.Licence licence = l.held(identifier.strip(), holder)
                .orElseThrow(() -> new BusinessException(CasesError.CASES_LICENCE_NOT_FOUND));
        if (!licence.typeCode().equals(m.licenceTypeCode())) {
            throw new BusinessException(CasesError.CASES_LICENCE_WRONG_TYPE, licence.name(), m.name());
        }
        if (!licence.valid()) {
            throw new BusinessException(CasesError.CASES_LICENCE_NOT_VALID, licence.name(), licence.status());
        }
        return licence;
    }

    /** What the licence filling a slot is now; null for an upload or paper, or a licence the library does not know. */
    LicenceLibrary.@Nullable Licence describe(@Nullable StoredMaterial m) {
        LicenceLibrary l = library.getIfAvailable();
        return l == null || m == null || m.licenceId() == null ? null : l.find(m.licenceId()).orElse(null);
    }

    Optional<LicenceLibrary.Verification> verify(String identifier) {
        LicenceLibrary l = library.getIfAvailable();
        return l == null ? Optional.empty() : l.verify(identifier);
    }

    Optional<byte[]> file(String identifier) {
        LicenceLibrary l = library.getIfAvailable();
        return l == null ? Optional.empty() : l.file(identifier);
    }
}
