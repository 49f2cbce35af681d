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
 * material slot is now, its file and the verification of that file, for the staff handling the case.
 */
@Component
class LicenseLibrary implements LicenceLibrary {

    private final LicenseStore store;
    private final PersonalDataCipher cipher;
    private final LicenseVerification verification;

    LicenseLibrary(LicenseStore store, PersonalDataCipher cipher, LicenseVerification verification) {
        this.store = store;
        this.verification = verification;
        this.cipher = cipher;
    }

    @Override
    public List<Licence> validLicences(String typeCode, String holderCode) {
        return store.ofHolder(hash(holderCode), typeCode).stream().map(LicenseLibrary::licence)
                .filter(Licence::valid).toList();
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

    @Override
    public Optional<Verification> verify(String identifier) {
        return file(identifier).map(verification::verifyFile).map(r -> new Verification(
                r.verdict() == LicenseVerification.Verdict.VALID, r.verdictLabel(),
                r.checks().stream().map(c -> new Verification.Check(c.passed(), c.message())).toList()));
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
