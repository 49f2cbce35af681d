package org.yiwang.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What fills one material slot of a case: an upload (name, type, size, SHA-256), an electronic licence (identifier
 * and credibility grade) or paper received at the window. The content itself is fetched separately.
 */
public record StoredMaterial(long id, String slot, MaterialSource source, @Nullable String fileName,
        @Nullable String mediaType, @Nullable Long size, @Nullable String sha256, @Nullable String licenceId,
        @Nullable String credibilityGrade, Instant addedAt, String addedBy) {
}
