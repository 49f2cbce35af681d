package org.yiwang.region;

import org.jspecify.annotations.Nullable;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.DivisionLevel;

/** One administrative division. {@code statisticalOnly} marks development zones that are not legal divisions. */
public record Region(DivisionCode code, String name, @Nullable DivisionCode parent, DivisionLevel level,
        boolean statisticalOnly) {
}
