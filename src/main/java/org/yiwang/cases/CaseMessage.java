package org.yiwang.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An in-site message (站内消息) about a case. */
public record CaseMessage(long id, String caseNumber, String kind, String text, Instant createdAt,
        @Nullable Instant readAt) {
}
