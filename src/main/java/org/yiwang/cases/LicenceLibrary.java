package org.yiwang.cases;

import java.util.Optional;

/**
 * The electronic licence library (电子证照库) as case handling needs it: at submission, a material slot that a licence
 * type replaces ({@code Material.licenceTypeCode}) and that holds nothing is filled with the applicant's valid licence
 * of that type (免提交, credibility grade A). Implemented by the licence module; without an implementation every
 * material is handed in.
 */
public interface LicenceLibrary {

    /** The GB/T 36904 identifier of the holder's newest valid licence of the type; holder = ID number or credit code. */
    Optional<String> validLicence(String typeCode, String holderCode);
}
