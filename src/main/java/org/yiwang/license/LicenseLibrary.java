package org.yiwang.license;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.cases.LicenceLibrary;
import org.yiwang.identity.PersonalDataCipher;

/**
 * 免提交: the holder's licences, found by ID number or credit code, for an application; what a licence filling a
 * material slot is now, and its file, for the staff handling the case.
 */
@Component
class LicenseLibrary implements LicenceLibrary {

    private final LicenseStore store;
    private final PersonalDataCipher cipher;

    LicenseLibrary(LicenseStore store, PersonalDataCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public List<Licence> validLicences(String typeCode, String holderCode) {
        return store.ofHolder(hash(holderCode)).stream().map(LicenseLibrary::licence)
                .filter(l -> l.valid() && l.typeCode().equals(typeCode)).toList();
    }

    @Override
    public Optional<Licence> held(String identifier, String holderCode) {
        return id(identifier).filter(id -> store.heldBy(id, hash(holderCode))).flatMap(store::find)
                .map(LicenseLibrary::licence);
    }

    @Override
    public Optional<Licence> find(String identifier) {
        return id(identifier).flatMap(store::find).map(LicenseLibrary::licence);
    }

    @Override
    public Optional<byte[]> file(String identifier) {
        return id(identifier).flatMap(store::find).map(l -> store.file(l.id()));
    }

    private String hash(String holderCode) {
        return cipher.hash(holderCode.strip().toUpperCase());
    }

    private static Optional<LicenseId> id(String identifier) {
        return LicenseId.isValid(identifier) ? Optional.of(LicenseId.parse(identifier)) : Optional.empty();
    }

    private static Licence licence(IssuedLicense l) {
        LicenseStatus status = l.status(LocalDate.now(WorkingDayCalendar.ZONE));
        return new Licence(l.identifier().value(), l.identifier().typeCode(), l.typeName(), l.issuerName(),
                l.validUntil(), status.label(), status.usable());
    }
}
