package org.yiwang.seal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code yiwang.seal.*} (besides {@code master-key}, read by {@link KeyVault}): extra trust roots for imported
 * certificates (PEM files, {@code file:} or {@code classpath:}) and how long issued signing certificates and seals
 * are valid.
 */
@ConfigurationProperties("yiwang.seal")
record SealProperties(List<Resource> trustRoots, Duration certificateValidity) {

    SealProperties {
        trustRoots = trustRoots == null ? List.of() : List.copyOf(trustRoots);
        certificateValidity = certificateValidity == null ? Duration.ofDays(3 * 365) : certificateValidity;
    }
}
