package org.yiwang.cases.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.CasesError;
import org.yiwang.shared.BusinessException;

/** The case version as an ETag, and the version an action presents ({@code If-Match} or {@code version}). */
final class Versions {

    private Versions() {
    }

    static ResponseEntity<CaseView> ok(CaseView view) {
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    /** What a workbench action answers: the changed case without its trail and timeline. */
    static ResponseEntity<CaseView> acted(CaseView view) {
        return ok(view.withoutHistory());
    }

    static @Nullable Integer expected(@Nullable String ifMatch, @Nullable Integer bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Integer.valueOf(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new BusinessException(CasesError.CASES_VERSION_CONFLICT);
        }
    }
}
