package org.yiwang.cases;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a case's trail (留痕): who ({@code actorKind} APPLICANT, STAFF or SYSTEM; account or username; name;
 * role), through which channel (ONLINE, WINDOW, OFFICE, SYSTEM), when, with which opinion, and the state before and
 * after.
 */
public record TrailEntry(long id, Instant at, CaseAction action, String actionLabel, @Nullable String step,
        String actorKind, String actor, String actorName, @Nullable String role, String channel,
        @Nullable String opinion, @Nullable CaseState stateBefore, CaseState stateAfter,
        Map<String, Object> details) {
}
