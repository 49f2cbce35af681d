package org.yiwang.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

class CachedClientRepositoryTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Map<String, RegisteredClient> rows = new HashMap<>();
    private final RegisteredClientRepository store = new RegisteredClientRepository() {
        @Override
        public void save(RegisteredClient client) {
            rows.put(client.getId(), client);
        }

        @Override
        public RegisteredClient findById(String id) {
            reads.incrementAndGet();
            return rows.get(id);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            reads.incrementAndGet();
            return rows.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
        }
    };

    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final CachedClientRepository cached = new CachedClientRepository(store, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void readsEachClientOnceWithinItsTimeToLive() {
        cached.save(client("dept-system", "http://localhost:8081/cb"));
        for (int i = 0; i < 5; i++) {
            assertThat(cached.findByClientId("dept-system")).isNotNull();
            assertThat(cached.findById("id-dept-system")).isNotNull();
        }
        assertThat(reads).hasValue(2);

        now = now.plus(CachedClientRepository.TIME_TO_LIVE);
        cached.findByClientId("dept-system");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aSavedChangeIsSeenAtOnce() {
        cached.save(client("dept-system", "http://localhost:8081/cb"));
        cached.findByClientId("dept-system");
        cached.save(client("dept-system", "http://localhost:8081/new"));
        assertThat(cached.findByClientId("dept-system").getRedirectUris()).containsExactly("http://localhost:8081/new");
    }

    @Test
    void unknownClientsAreNotRemembered() {
        assertThat(cached.findByClientId("nobody")).isNull();
        cached.save(client("nobody", "http://localhost:8081/cb"));
        assertThat(cached.findByClientId("nobody")).isNotNull();
    }

    private static RegisteredClient client(String clientId, String redirect) {
        return RegisteredClient.withId("id-" + clientId).clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUri(redirect).build();
    }
}
