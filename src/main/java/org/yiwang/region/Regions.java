package org.yiwang.region;

import java.util.List;
import java.util.Optional;
import org.yiwang.shared.DivisionCode;

/** The region tree. */
public interface Regions {

    Optional<Region> find(DivisionCode code);

    /** Direct children, ordered by code; empty for a township or an unknown code. */
    List<Region> children(DivisionCode code);

    /** The chain from the province down to {@code code} itself. */
    List<Region> path(DivisionCode code);
}
