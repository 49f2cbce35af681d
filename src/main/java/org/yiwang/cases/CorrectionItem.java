package org.yiwang.cases;

import org.jspecify.annotations.Nullable;

/**
 * One thing the applicant must correct or supplement (补正): a material slot or a form field, or neither for a
 * general remark, and what is wrong.
 */
public record CorrectionItem(@Nullable String material, @Nullable String field, String description) {
}
