package org.yiwang.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.ErrorCode;
import org.yiwang.shared.Masking;
import org.yiwang.shared.RuleViolations;

/**
 * Turns every refusal of the JSON API into an RFC 9457 problem detail: {@code code} is stable for programs,
 * {@code title}/{@code detail} are for people, in Chinese unless the request asks for English. Ordered first so that
 * Spring Boot's own problem-details handler (which knows no stable codes) does not answer for the JSON API.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> business(BusinessException e, HttpServletRequest request) {
        List<FieldProblem> fields = e instanceof RuleViolations v ? v.violations().stream()
                .map(x -> new FieldProblem(x.field(), messages.getMessage("error." + x.error().code(),
                        x.args().toArray(), x.error().code(), LocaleContextHolder.getLocale()), x.error().code()))
                .toList() : List.of();
        return problem(e.error(), request, fields, e.args());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e, HttpServletRequest request) {
        List<FieldProblem> fields = e.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messages.getMessage(f, LocaleContextHolder.getLocale())))
                .toList();
        return problem(CommonError.VALIDATION_FAILED, request, fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, LocaleContextHolder.getLocale()))))
                .toList();
        return problem(CommonError.VALIDATION_FAILED, request, fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return problem(CommonError.VALIDATION_FAILED, request, fields);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> parameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problem(CommonError.INVALID_PARAMETER, request, List.of(), name);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(CommonError.MALFORMED_REQUEST, request, List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(CommonError.PAYLOAD_TOO_LARGE, request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(CommonError.UNSUPPORTED_MEDIA_TYPE, request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(CommonError.METHOD_NOT_ALLOWED, request, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(CommonError.NOT_FOUND, request, List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(CommonError.ACCESS_DENIED, request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}: {}", request.getMethod(), request.getRequestURI(),
                Masking.inText(String.valueOf(e.getMessage())), e);
        return problem(CommonError.INTERNAL_ERROR, request, List.of());
    }

    private ResponseEntity<ProblemDetail> problem(ErrorCode error, HttpServletRequest request,
            List<FieldProblem> fields, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail pd = ProblemDetail.forStatus(error.status());
        pd.setType(URI.create("urn:yiwang:error:" + error.code()));
        pd.setTitle(messages.getMessage("error." + error.code() + ".title", null,
                messages.getMessage("error.title." + error.status().value(), null, error.status().getReasonPhrase(), locale),
                locale));
        pd.setDetail(messages.getMessage("error." + error.code(), args, error.code(), locale));
        pd.setInstance(URI.create(request.getRequestURI()));
        pd.setProperty("code", error.code());
        if (!fields.isEmpty()) {
            pd.setProperty("errors", fields);
        }
        return ResponseEntity.status(error.status()).body(pd);
    }

    /** One invalid field of a request; {@code code} is set when a business rule with its own code refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(String field, String message, @Nullable String code) {

        public FieldProblem(String field, String message) {
            this(field, message, null);
        }
    }
}
