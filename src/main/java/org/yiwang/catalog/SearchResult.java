package org.yiwang.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of search hits, best first (by name when browsing without text).
 *
 * @param total  number of all matching items
 * @param facets counts per audience and theme of all matching items, when asked for
 */
public record SearchResult(List<SearchHit> hits, long total, int page, int size,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Facets facets) {

    public long totalPages() {
        return (total + size - 1) / size;
    }

    /** Matching items per audience and per theme; values absent from the matches are left out. */
    public record Facets(Map<Audience, Long> audiences, Map<Theme, Long> themes) {
    }
}
