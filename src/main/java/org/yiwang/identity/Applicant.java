package org.yiwang.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who applies in the current request: a natural person, acting for themselves or, when {@code acting} is set, for an
 * enterprise as its legal representative or an authorised agent (经办人).
 */
public record Applicant(Person person, @Nullable ActingFor acting) {

    public Optional<ActingFor> actingFor() {
        return Optional.ofNullable(acting);
    }
}
