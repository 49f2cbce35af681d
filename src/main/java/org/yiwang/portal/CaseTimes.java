package org.yiwang.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Formats the times of case pages in Beijing time, for templates ({@code times.at(...)}). */
public final class CaseTimes {

    static final CaseTimes INSTANCE = new CaseTimes();

    public static CaseTimes format() {
        return INSTANCE;
    }
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private CaseTimes() {
    }

    public String at(@Nullable Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
