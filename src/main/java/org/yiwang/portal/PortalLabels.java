package org.yiwang.portal;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.TimeLimit;

/**
 * Labels of domain values in the visitor's language, for templates ({@code ${@portalLabels.of(item.type)}}). The
 * Chinese label is the enum's own {@code label()}; other languages come from {@code enum.<Type>.<NAME>} messages.
 */
@Component("portalLabels")
public class PortalLabels {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MessageSource messages;

    PortalLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Enum<?> value) {
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        String translated = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        return translated != null ? translated : chineseLabel(value);
    }

    /** "20个工作日", "20 working days", or "即时办结" for 0. */
    public String of(TimeLimit limit) {
        if (limit.value() == 0) {
            return messages.getMessage("timeLimit.immediate", null, LocaleContextHolder.getLocale());
        }
        String unit = of(limit.unit());
        return messages.getMessage("timeLimit.value", new Object[] {String.valueOf(limit.value()), unit},
                LocaleContextHolder.getLocale());
    }

    /** The calendar date in China of an instant, as yyyy-MM-dd. */
    public String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(CHINA));
    }

    /** Date and minute in China of an instant. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(CHINA));
    }

    private static String chineseLabel(Enum<?> value) {
        try {
            Method label = value.getDeclaringClass().getMethod("label");
            return String.valueOf(label.invoke(value));
        } catch (ReflectiveOperationException e) {
            return value.name();
        }
    }
}
