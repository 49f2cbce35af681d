package org.yiwang.catalog;

/**
 * Full-text search (事项检索) over the published items: Chinese words, pinyin and pinyin initials, with filters by
 * audience, theme, department, region and online-handling depth. An empty text browses by the filters, ordered by
 * name.
 */
public interface ItemSearch {

    /**
     * @throws org.yiwang.shared.BusinessException {@link SearchError#CATALOG_SEARCH_NOT_READY} while the index is
     *                                              still being built after start-up
     */
    SearchResult search(SearchQuery query);

    /** True once the index holds every item published at start-up. */
    boolean ready();
}
