package org.yiwang.region;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yiwang.region.NodeProfile.NodeLevel;

/** {@code yiwang.node.*}: what this node is; turned into the checked {@link NodeProfile} at start-up. */
@ConfigurationProperties("yiwang.node")
record NodeProperties(@Nullable NodeLevel level, @Nullable String regionCode, @Nullable String name) {
}
