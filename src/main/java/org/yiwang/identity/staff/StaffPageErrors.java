package org.yiwang.identity.staff;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.yiwang.shared.BusinessException;

/** Refusals on the staff pages become the HTML error page of their status, with the reason (404 for an unseen account). */
@ControllerAdvice(assignableTypes = {StaffAdminPages.class, MyStaffAccountPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffPageErrors {

    private final MessageSource messages;

    StaffPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView refused(BusinessException e) {
        return page(HttpStatus.valueOf(e.error().status().value()), messages.getMessage("error." + e.error().code(),
                e.args(), e.error().code(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.INVALID_PARAMETER", new Object[] {e.getName()},
                LocaleContextHolder.getLocale()));
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        String view = switch (status.value()) {
            case 400, 403, 404 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/4xx" : "error/5xx";
        };
        var page = new ModelAndView(view);
        page.addObject("detail", detail);
        page.setStatus(status);
        return page;
    }
}
