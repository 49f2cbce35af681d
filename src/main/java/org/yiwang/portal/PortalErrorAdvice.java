package org.yiwang.portal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.yiwang.shared.BusinessException;

/** Refusals on portal and admin pages become the HTML error page of their status, with the specific reason. */
@ControllerAdvice(basePackageClasses = PortalErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrorAdvice {

    private final MessageSource messages;

    PortalErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("error.INVALID_PARAMETER", new Object[] {name},
                LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView refused(BusinessException e) {
        HttpStatus status = HttpStatus.valueOf(e.error().status().value());
        return page(status, messages.getMessage("error." + e.error().code(), e.args(), e.error().code(),
                LocaleContextHolder.getLocale()));
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        String view = switch (status.value()) {
            case 400, 403, 404, 500 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/4xx" : "error/5xx";
        };
        var page = new ModelAndView(view);
        page.addObject("detail", detail);
        page.setStatus(status);
        return page;
    }
}
