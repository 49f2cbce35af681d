package org.yiwang.identity.oidc;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Whom a request to the provider's browser endpoints is about, by its client ({@link OidcClients.SignsIn}): at the
 * authorization endpoint the {@code client_id}; at the logout endpoint the {@code client_id} or else the audience of
 * the {@code id_token_hint} (unverified here: it only chooses which login to look at; the provider verifies it).
 * Citizens and staff stay apart: a client signing in citizens sees only the citizen's session, one signing in staff
 * only the staff member's.
 *
 * <p>For a staff client the waiting authorization request is saved with Spring's {@link HttpSessionRequestCache}
 * under its default attribute, the one the staff login's {@code SavedRequestAwareAuthenticationSuccessHandler} reads:
 * any staff login that ends with a {@code StaffPrincipal} in the default session security context and then redirects
 * to the saved request brings the browser back to the authorization endpoint. Citizens' authorization requests keep
 * their own attribute ({@link AuthorizationRequestCache}).
 */
final class SignInAudience {

    private final String authorizationEndpoint;
    private final String logoutEndpoint;
    private final RegisteredClientRepository clients;

    SignInAudience(String authorizationEndpoint, String logoutEndpoint, RegisteredClientRepository clients) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.logoutEndpoint = logoutEndpoint;
        this.clients = clients;
    }

    /** A request to the authorization or logout endpoint for a client that signs in staff. */
    boolean staff(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String clientId = request.getParameter("client_id");
        if (logoutEndpoint.equals(path) && clientId == null) {
            clientId = audience(request.getParameter("id_token_hint"));
        } else if (!authorizationEndpoint.equals(path)) {
            return false;
        }
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        return client != null && OidcClients.signsIn(client) == OidcClients.SignsIn.STAFF;
    }

    private static @Nullable String audience(@Nullable String idToken) {
        try {
            List<String> audience = idToken == null ? List.of() : JWTParser.parse(idToken).getJWTClaimsSet()
                    .getAudience();
            return audience.isEmpty() ? null : audience.get(0);
        } catch (ParseException e) {
            return null;
        }
    }

    RequestMatcher staffRequests() {
        return this::staff;
    }

    /** The user of the request: the staff member for a staff client, else the citizen. */
    SecurityContextRepository contexts(SecurityContextRepository citizens, SecurityContextRepository staff) {
        return new SecurityContextRepository() {
            @Override
            public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
                return (staff(request) ? staff : citizens).loadDeferredContext(request);
            }

            @Override
            @SuppressWarnings("deprecation")
            public SecurityContext loadContext(HttpRequestResponseHolder holder) {
                return loadDeferredContext(holder.getRequest()).get();
            }

            @Override
            public void saveContext(SecurityContext context, HttpServletRequest request,
                    HttpServletResponse response) {
            }

            @Override
            public boolean containsContext(HttpServletRequest request) {
                return (staff(request) ? staff : citizens).containsContext(request);
            }
        };
    }

    /** Saves a staff client's request where the staff login looks for it, a citizen client's in its own place. */
    RequestCache requestCache() {
        RequestCache citizens = new AuthorizationRequestCache();
        RequestCache staff = new HttpSessionRequestCache();
        return new RequestCache() {
            @Override
            public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
                (staff(request) ? staff : citizens).saveRequest(request, response);
            }

            @Override
            public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
                SavedRequest saved = citizens.getRequest(request, response);
                return saved != null ? saved : staff.getRequest(request, response);
            }

            @Override
            public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request,
                    HttpServletResponse response) {
                HttpServletRequest matching = citizens.getMatchingRequest(request, response);
                return matching != null ? matching : staff.getMatchingRequest(request, response);
            }

            @Override
            public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
                citizens.removeRequest(request, response);
                staff.removeRequest(request, response);
            }
        };
    }
}
