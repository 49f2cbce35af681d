package org.yiwang.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public versions of items that are currently published (not drafts, not suspended, not cancelled). Which version
 * is public is read on every call; the parsed content of the most recently used versions is kept, since a version's
 * content does not change once it has been published (an edit makes a draft, published later with a new time).
 */
@Component
@Transactional(readOnly = true)
class JdbcPublishedItems implements PublishedItems {

    private static final int KEPT_CONTENTS = 1000;

    /** A published version of an item, as of its publication. */
    record Publication(String code, int version, Instant publishedAt) {
    }

    private final ItemStore store;
    private final Map<Publication, ItemContent> contents = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Publication, ItemContent> eldest) {
                    return size() > KEPT_CONTENTS;
                }
            });

    JdbcPublishedItems(ItemStore store) {
        this.store = store;
    }

    @Override
    public Optional<PublishedItem> find(String code) {
        return store.publication(code).map(p -> {
            ItemContent content = contents.get(p);
            if (content == null) {
                content = store.content(p.code(), p.version());
                contents.put(p, content);
            }
            return new PublishedItem(p.code(), p.version(), content, p.publishedAt());
        });
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
