package org.yiwang.catalog;

import java.util.Optional;
import java.util.function.Consumer;

/** Read access to published items only. */
public interface PublishedItems {

    Optional<PublishedItem> find(String code);

    /** Streams every published item, for building the search index. */
    void forEach(Consumer<PublishedItem> action);

    long count();
}
