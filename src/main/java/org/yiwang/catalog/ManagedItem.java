package org.yiwang.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An item as its department manages it: {@code content} is the latest version (the draft when there is one),
 * {@code publicVersion} the version the public sees (none before the first publication). {@code revision} counts
 * every change of the item and is the optimistic-locking token an edit must present.
 */
public record ManagedItem(
        String code,
        ItemStatus status,
        int latestVersion,
        @Nullable Integer publicVersion,
        ItemContent content,
        Instant updatedAt,
        String updatedBy,
        int revision) {

    /** True when the latest version is a draft not yet published (待发布). */
    public boolean hasDraft() {
        return publicVersion == null || latestVersion > publicVersion;
    }
}
