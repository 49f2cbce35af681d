package org.yiwang.region;

import java.util.List;
import java.util.Optional;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.DivisionCode;

/** The region tree of the whole country, down to township level; a node serving one province still knows all. */
public interface Regions {

    Optional<Region> find(DivisionCode code);

    /** Direct children, ordered by code; empty for a township or an unknown code. */
    List<Region> children(DivisionCode code);

    /** The chain from the province down to {@code code} itself. */
    List<Region> path(DivisionCode code);

    /**
     * Like {@link #find}, but also accepts the 6-digit GB/T 2260 form of a province or city ({@code 440000} for
     * {@code 44}, {@code 440300} for {@code 4403}) when no county-level division has that code.
     */
    default Optional<Region> lookup(DivisionCode code) {
        Optional<Region> region = find(code);
        String v = code.value();
        if (region.isEmpty() && v.length() == 6 && v.endsWith("00")) {
            String shorter = v.endsWith("0000") ? v.substring(0, 2) : v.substring(0, 4);
            region = find(new DivisionCode(shorter));
        }
        return region;
    }

    /** The provinces (省级), ordered by code. */
    List<Region> provinces();

    /** The region as {@link #lookup} finds it, or a refusal: {@code REGION_NOT_FOUND}. */
    default Region require(DivisionCode code) {
        return lookup(code).orElseThrow(() -> new BusinessException(RegionError.REGION_NOT_FOUND, code.value()));
    }
}
