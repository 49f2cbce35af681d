package org.yiwang.calendar;

import java.time.Instant;
import java.util.List;

/** A year whose official schedule is loaded: where it came from, when and by whom, and how many days it lists. */
public record LoadedYear(int year, String source, List<String> papers, Instant loadedAt, String loadedBy, int offDays,
        int makeUpWorkingDays) {
}
