package org.yiwang.license;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.yiwang.shared.BusinessException;

/** A refusal on a licence page: the error page of its status with the Chinese message. */
@ControllerAdvice(assignableTypes = {LicensePages.class, LicenseAdminPages.class, LicenseTypePages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LicensePageErrors {

    private final MessageSource messages;

    LicensePageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView refused(BusinessException e) {
        HttpStatus status = HttpStatus.valueOf(e.error().status().value());
        String view = switch (status.value()) {
            case 400, 403, 404 -> "error/" + status.value();
            default -> "error/4xx";
        };
        var page = new ModelAndView(view);
        page.addObject("detail", message(messages, e));
        page.setStatus(status);
        return page;
    }

    /** The refusal's text in the request's language. */
    static String message(MessageSource messages, BusinessException e) {
        return messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                LocaleContextHolder.getLocale());
    }
}
