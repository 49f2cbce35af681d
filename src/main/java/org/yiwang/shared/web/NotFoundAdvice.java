package org.yiwang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.yiwang.shared.CommonError;

/**
 * An address that matches nothing: a problem detail under {@code /api/}, the HTML error page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFoundAdvice {

    private final MessageSource messages;

    NotFoundAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/api/")) {
            var page = new ModelAndView("error/404");
            page.setStatus(HttpStatus.NOT_FOUND);
            return page;
        }
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        pd.setType(URI.create("urn:yiwang:error:" + CommonError.NOT_FOUND.code()));
        pd.setTitle(messages.getMessage("error.title.404", null, "Not Found", locale));
        pd.setDetail(messages.getMessage("error.NOT_FOUND", null, "Not Found", locale));
        pd.setInstance(URI.create(request.getRequestURI()));
        pd.setProperty("code", CommonError.NOT_FOUND.code());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(pd);
    }
}
