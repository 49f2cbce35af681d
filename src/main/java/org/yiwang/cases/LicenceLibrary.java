package org.yiwang.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The electronic licence library (电子证照库) as case handling needs it: the applicant chooses one of their valid
 * licences for a material slot that a licence type replaces ({@code Material.licenceTypeCode}), and at submission a
 * slot left empty is filled with the newest one (免提交, credibility grade A); staff see what a licence is now and
 * download its file. Implemented by the licence module; without an implementation every material is handed in.
 * Holder = ID number or credit code (一号).
 */
public interface LicenceLibrary {

    /**
     * A licence as an application shows it: GB/T 36904 identifier, type, name, issuing department, validity, status
     * now ({@code status} its Chinese label, {@code valid} whether it may be used).
     */
    record Licence(String identifier, String typeCode, String name, String issuer, @Nullable LocalDate validUntil,
            String status, boolean valid) {
    }

    /**
     * 证照核验 of the stored file: its seal signatures, identifier, registration and status; each check passed or not,
     * in Chinese.
     */
    record Verification(boolean valid, String verdict, List<Check> checks) {

        public record Check(boolean passed, String message) {
        }
    }

    /** The holder's valid licences of the type (newest version of each), newest first. */
    List<Licence> validLicences(String typeCode, String holderCode);

    /** The licence with this identifier if the holder holds it, whatever its status; empty for anyone else's. */
    Optional<Licence> held(String identifier, String holderCode);

    /** The licence with this identifier, whoever holds it (for staff handling a case it fills a slot of). */
    Optional<Licence> find(String identifier);

    /** The licence's sealed OFD file. */
    Optional<byte[]> file(String identifier);

    /** Verifies the licence's stored file as 证照核验 does (seals, identifier, registration, status). */
    Optional<Verification> verify(String identifier);

    /** The identifier of the holder's newest valid licence of the type. */
    default Optional<String> validLicence(String typeCode, String holderCode) {
        return validLicences(typeCode, holderCode).stream().findFirst().map(Licence::identifier);
    }
}
