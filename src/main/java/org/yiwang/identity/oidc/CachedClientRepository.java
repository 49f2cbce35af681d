package org.yiwang.identity.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Registered clients, read from the database at most once a minute per client. Besides sparing a query on every
 * token request, this is what keeps the authorization store from deadlocking under load: it reads the client of an
 * authorization while still holding the connection of the authorization's row, so with every pooled connection held
 * that way no request could get the second one it needs.
 */
final class CachedClientRepository implements RegisteredClientRepository {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(1);

    private final RegisteredClientRepository store;
    private final Clock clock;
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

    private record Entry(RegisteredClient client, Instant loadedAt) {
    }

    CachedClientRepository(RegisteredClientRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void save(RegisteredClient client) {
        store.save(client);
        byId.clear();
        byClientId.clear();
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return cached(byId, id, store::findById);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return cached(byClientId, clientId, store::findByClientId);
    }

    private @Nullable RegisteredClient cached(Map<String, Entry> cache, String key,
            Function<String, @Nullable RegisteredClient> load) {
        Instant now = clock.instant();
        Entry entry = cache.get(key);
        if (entry != null && entry.loadedAt().plus(TIME_TO_LIVE).isAfter(now)) {
            return entry.client();
        }
        RegisteredClient client = load.apply(key);
        if (client == null) {
            cache.remove(key);
        } else {
            cache.put(key, new Entry(client, now));
        }
        return client;
    }
}
