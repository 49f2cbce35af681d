package org.yiwang.license;

import org.springframework.stereotype.Component;
import org.yiwang.shared.CreditCode;

/** Applies the issuing department's licence seal (电子证照专用章) to a licence file: the one place licences are sealed. */
@Component
class LicenseSealing {

    record Sealed(byte[] file, boolean sealed) {
    }

    Sealed seal(CreditCode issuer, byte[] ofd, LicenseType.Box at) {
        return new Sealed(ofd, false);
    }
}
