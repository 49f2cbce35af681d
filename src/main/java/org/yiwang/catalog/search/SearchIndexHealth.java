package org.yiwang.catalog.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} shows the search index as out of service until its start-up build has finished. */
@Component("search")
class SearchIndexHealth implements HealthIndicator {

    private final SearchIndexService search;

    SearchIndexHealth(SearchIndexService search) {
        this.search = search;
    }

    @Override
    public Health health() {
        Health.Builder health = search.ready() ? Health.up() : Health.outOfService();
        return health.withDetail("indexed", search.indexed()).withDetail("published", search.expected()).build();
    }
}
