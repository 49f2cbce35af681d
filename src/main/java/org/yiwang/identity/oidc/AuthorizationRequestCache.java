package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The authorization request of a client, kept in the session while the citizen logs in, under its own attribute so
 * that no other saved request (e.g. of the staff pages) is mistaken for it. After a successful citizen login the
 * login page sends the browser back to {@link #continueAfterLogin}.
 */
public final class AuthorizationRequestCache extends HttpSessionRequestCache {

    private static final String ATTRIBUTE = "YIWANG_OIDC_AUTHORIZATION_REQUEST";

    public AuthorizationRequestCache() {
        setSessionAttrName(ATTRIBUTE);
    }

    /** Where the browser should go after logging in, if a client's authorization request is waiting. */
    public static Optional<String> continueAfterLogin(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = new AuthorizationRequestCache().getRequest(request, response);
        return Optional.ofNullable(saved).map(SavedRequest::getRedirectUrl);
    }
}
