package org.yiwang.catalog;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public versions of items that are currently published (not drafts, not suspended, not cancelled). */
@Component
@Transactional(readOnly = true)
class JdbcPublishedItems implements PublishedItems {

    private final ItemStore store;

    JdbcPublishedItems(ItemStore store) {
        this.store = store;
    }

    @Override
    public Optional<PublishedItem> find(String code) {
        return store.findPublished(code);
    }

    @Override
    public void forEach(Consumer<PublishedItem> action) {
        store.forEachPublished(action);
    }

    @Override
    public long count() {
        return store.countPublished();
    }
}
