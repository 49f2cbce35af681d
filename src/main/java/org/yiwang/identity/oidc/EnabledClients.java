package org.yiwang.identity.oidc;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients as the provider's endpoints see them: a disabled client does not exist (no authorization,
 * no token, no refresh). The administration and the authorization store read every client.
 */
final class EnabledClients implements RegisteredClientRepository {

    private final RegisteredClientRepository all;

    EnabledClients(RegisteredClientRepository all) {
        this.all = all;
    }

    @Override
    public void save(RegisteredClient client) {
        all.save(client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return enabled(all.findById(id));
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return enabled(all.findByClientId(clientId));
    }

    private static @Nullable RegisteredClient enabled(@Nullable RegisteredClient client) {
        return client != null && OidcClients.enabled(client) ? client : null;
    }

    /** Refuses a token issued to a client that has since been disabled or removed ({@code aud} is the client id). */
    OAuth2TokenValidator<Jwt> validator() {
        return jwt -> jwt.getAudience() != null && !jwt.getAudience().isEmpty()
                && jwt.getAudience().stream().allMatch(clientId -> findByClientId(clientId) != null)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "client not enabled", null));
    }
}
