package org.yiwang.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;

/** Texts of the admin console in the staff member's language, and refusals turned into messages per form field. */
@Component
class AdminMessages {

    private final MessageSource messages;

    AdminMessages(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The message of a refusal ({@code error.<code>}). */
    String of(BusinessException e) {
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                LocaleContextHolder.getLocale());
    }

    /** Messages per field path; the empty key holds what belongs to no single field. */
    Map<String, List<String>> byField(BusinessException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (e instanceof RuleViolations violations) {
            violations.violations().forEach(v -> errors.computeIfAbsent(v.field(), f -> new ArrayList<>())
                    .add(messages.getMessage("error." + v.error().code(), v.args().toArray(), v.error().code(),
                            LocaleContextHolder.getLocale())));
        } else {
            errors.put("", new ArrayList<>(List.of(of(e))));
        }
        return errors;
    }
}
