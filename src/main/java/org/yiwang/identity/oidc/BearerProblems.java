package org.yiwang.identity.oidc;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.yiwang.shared.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of the bearer-token API as RFC 9457 problem details (like every other API refusal), with the
 * {@code WWW-Authenticate} header of RFC 6750: 401 for a missing, malformed, tampered, expired, revoked or foreign
 * token (or one of a disabled staff account), 403 for a token of the wrong kind of account or without the needed
 * scope.
 */
final class BearerProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final MessageSource messages;
    private final JsonMapper json;

    BearerProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        bearer.commence(request, response, e);
        write(request, response, OidcError.IDENTITY_OIDC_TOKEN_INVALID);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        bearerDenied.handle(request, response, e);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/v1/staff")) {
            write(request, response, OidcError.IDENTITY_OIDC_NOT_STAFF);
        } else if (path.startsWith("/api/v1/me")) {
            write(request, response, OidcError.IDENTITY_OIDC_NOT_A_PERSON);
        } else if (!has(BearerAuthentications.ACCOUNT_TYPE + OidcConfiguration.ACCOUNT_TYPE_CLIENT)) {
            write(request, response, OidcError.IDENTITY_OIDC_NOT_A_CLIENT);
        } else {
            write(request, response, OidcError.IDENTITY_OIDC_INSUFFICIENT_SCOPE, OidcScopes.API);
        }
    }

    private static boolean has(String authority) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode error, Object... args)
            throws IOException {
        var locale = LocaleContextHolder.getLocale();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:yiwang:error:" + error.code());
        problem.put("title", messages.getMessage("error.title." + error.status().value(), null,
                error.status().getReasonPhrase(), locale));
        problem.put("status", error.status().value());
        problem.put("detail", messages.getMessage("error." + error.code(), args, error.code(), locale));
        problem.put("instance", request.getRequestURI());
        problem.put("code", error.code());
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
