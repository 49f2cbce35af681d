package org.yiwang.identity.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.CurrentPerson;
import org.yiwang.identity.Person;
import org.yiwang.identity.person.PersonDirectory;

/**
 * Step-up (提升认证等级): a client may send {@code acr_values} (e.g. {@code urn:yiwang:acr:4}); they list acceptable
 * levels, so the lowest known one is the minimum; a client may also be registered with a minimum level, and the
 * higher of the two applies. A logged-in person below it never gets a token of a lower level:
 * the authorization request stops and the browser is sent to {@code /oidc/step-up}, a page explaining which level is
 * needed and how to reach it, with a link back to the client carrying the OpenID Connect error
 * {@code unmet_authentication_requirements} (only when the client and its redirect URI are registered).
 */
final class StepUp extends OncePerRequestFilter {

    static final String PAGE = "/oidc/step-up";
    static final String SESSION_ATTRIBUTE = "YIWANG_OIDC_STEP_UP";
    private static final Pattern ACR = Pattern.compile("urn:yiwang:acr:(\\d)");

    /** What the step-up page shows; kept in the session. */
    record Needed(String clientName, int required, int current, @Nullable String backToClient)
            implements Serializable {
    }

    private final String authorizationEndpoint;
    private final RegisteredClientRepository clients;
    private final PersonDirectory directory;

    StepUp(String authorizationEndpoint, RegisteredClientRepository clients, PersonDirectory directory) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.clients = clients;
        this.directory = directory;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !authorizationEndpoint.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RegisteredClient client = clients.findByClientId(String.valueOf(request.getParameter("client_id")));
        OptionalInt required = required(request.getParameter("acr_values"), client);
        Optional<Person> person = CurrentPerson.find();
        if (required.isEmpty() || person.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        AssuranceLevel level = directory.find(person.get().accountId()).map(PersonDirectory.Entry::level)
                .orElse(person.get().level());
        if (level.rank() >= required.getAsInt()) {
            chain.doFilter(request, response);
            return;
        }
        String redirectUri = request.getParameter("redirect_uri");
        String back = null;
        if (client != null && redirectUri != null && client.getRedirectUris().contains(redirectUri)) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(redirectUri)
                    .queryParam("error", "unmet_authentication_requirements")
                    .queryParam("error_description", "acr " + required.getAsInt() + " required");
            if (request.getParameter("state") != null) {
                uri.queryParam("state", request.getParameter("state"));
            }
            back = uri.encode().build().toUriString();
        }
        request.getSession().setAttribute(SESSION_ATTRIBUTE, new Needed(
                client == null ? "" : client.getClientName(), required.getAsInt(), level.rank(), back));
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    /**
     * The level a citizen needs: the higher of the client's registered minimum and what the request asks for; none
     * for a client that signs in staff.
     */
    static OptionalInt required(@Nullable String acrValues, @Nullable RegisteredClient client) {
        if (client != null && OidcClients.signsIn(client) == OidcClients.SignsIn.STAFF) {
            return OptionalInt.empty();
        }
        OptionalInt asked = minimum(acrValues);
        OptionalInt registered = client == null ? OptionalInt.empty() : OidcClients.minimumLevel(client);
        return IntStream.concat(asked.stream(), registered.stream()).max();
    }

    /** The lowest level among the known {@code acr} values asked for. */
    static OptionalInt minimum(@Nullable String acrValues) {
        if (acrValues == null) {
            return OptionalInt.empty();
        }
        return Arrays.stream(acrValues.strip().split("\\s+")).map(ACR::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .filter(rank -> Arrays.stream(AssuranceLevel.values()).anyMatch(l -> l.rank() == rank)).min();
    }
}
