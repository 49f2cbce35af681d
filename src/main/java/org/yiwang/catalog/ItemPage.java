package org.yiwang.catalog;

import java.util.List;

/** One page (0-based {@code page}) of managed items. */
public record ItemPage(List<ManagedItem> items, int page, int size, long total) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
