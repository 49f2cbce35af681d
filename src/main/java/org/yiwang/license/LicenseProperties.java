package org.yiwang.license;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code yiwang.licenses.*}: see {@code application.yml}. */
@ConfigurationProperties("yiwang.licenses")
record LicenseProperties(String publicBaseUrl, Duration maxGrant, Duration retryInterval) {

    String verifyUrl(LicenseId id) {
        return publicBaseUrl.replaceAll("/+$", "") + "/licenses/verify?id=" + id.value();
    }
}
