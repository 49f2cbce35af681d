package org.yiwang.cases;

import org.jspecify.annotations.Nullable;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.Masking;

/** Checks of free texts (reasons, opinions) and safe logging of caller-supplied identifiers. */
final class Texts {

    private Texts() {
    }

    static String required(@Nullable String text, String label, int max) {
        String t = optional(text, label, max);
        if (t == null) {
            throw new BusinessException(CasesError.CASES_REASON_REQUIRED);
        }
        return t;
    }

    static @Nullable String optional(@Nullable String text, String label, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new BusinessException(CasesError.CASES_TEXT_TOO_LONG, label, max);
        }
        return t;
    }

    /** A caller-supplied identifier for a log line: bounded, printable, personal numbers masked. */
    static String loggable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return Masking.inText(t.replaceAll("\\p{Cntrl}", "?"));
    }
}
