package org.yiwang.region;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A region as the JSON API shows it; {@code path} (province down to the parent) only for a single region. */
record RegionView(String code, String name, @Nullable String parentCode, String level, boolean statisticalOnly,
        @Nullable List<Ancestor> path) {

    record Ancestor(String code, String name) {
    }

    static RegionView of(Region r) {
        return new RegionView(r.code().value(), r.name(), r.parent() == null ? null : r.parent().value(),
                r.level().name(), r.statisticalOnly(), null);
    }

    static RegionView withPath(Region r, List<Region> path) {
        List<Ancestor> ancestors = path.stream().filter(p -> !p.code().equals(r.code()))
                .map(p -> new Ancestor(p.code().value(), p.name())).toList();
        return new RegionView(r.code().value(), r.name(), r.parent() == null ? null : r.parent().value(),
                r.level().name(), r.statisticalOnly(), ancestors);
    }
}
