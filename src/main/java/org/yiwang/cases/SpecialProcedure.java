package org.yiwang.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A special procedure (特别程序) or another stop of the clock: an extension ({@code EXTENSION}, {@code days} working
 * days added, approved at once) or a period in which the clock stops (hearing, testing, expert review, other, or a
 * correction), from {@code startedOn} until {@code endedOn} (open while null).
 */
public record SpecialProcedure(long id, String kind, String kindLabel, String reason, @Nullable Integer days,
        LocalDate startedOn, @Nullable LocalDate endedOn, Instant startedAt, @Nullable Instant endedAt,
        String startedBy, @Nullable String result) {

    public boolean extension() {
        return "EXTENSION".equals(kind);
    }
}
