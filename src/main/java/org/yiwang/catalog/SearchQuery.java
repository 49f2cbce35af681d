package org.yiwang.catalog;

import org.jspecify.annotations.Nullable;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * One search request. Every filter is optional; a blank {@code text} browses by the filters.
 *
 * @param text       words, pinyin (shebaoka) or pinyin initials (sbk); at most {@value #MAX_TEXT_LENGTH} characters
 * @param department implementing department (实施主体)
 * @param region     the department's region or any region containing it (4403 includes 440304)
 * @param minDepth   at least this online-handling depth
 * @param page       0-based page number
 * @param size       hits per page, 1 to {@value #MAX_SIZE}
 * @param facets     also count the matches per audience and theme
 */
public record SearchQuery(
        @Nullable String text,
        @Nullable Audience audience,
        @Nullable Theme theme,
        @Nullable CreditCode department,
        @Nullable DivisionCode region,
        @Nullable OnlineDepth minDepth,
        int page,
        int size,
        boolean facets) {

    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MAX_SIZE = 100;
    /** Deepest hit a client may page to, as in most search engines; deeper browsing should narrow the filters. */
    public static final int MAX_WINDOW = 10_000;
    public static final int DEFAULT_SIZE = 10;

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new BusinessException(SearchError.CATALOG_SEARCH_TEXT_TOO_LONG, MAX_TEXT_LENGTH);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BusinessException(SearchError.CATALOG_SEARCH_INVALID_SIZE, size, MAX_SIZE);
        }
        if (page < 0) {
            throw new BusinessException(SearchError.CATALOG_SEARCH_INVALID_PAGE, page);
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new BusinessException(SearchError.CATALOG_SEARCH_PAGE_TOO_DEEP, MAX_WINDOW);
        }
    }

    /** First page of a text search without filters. */
    public static SearchQuery of(@Nullable String text) {
        return new SearchQuery(text, null, null, null, null, null, 0, DEFAULT_SIZE, false);
    }

    public SearchQuery withAudience(@Nullable Audience value) {
        return new SearchQuery(text, value, theme, department, region, minDepth, page, size, facets);
    }

    public SearchQuery withTheme(@Nullable Theme value) {
        return new SearchQuery(text, audience, value, department, region, minDepth, page, size, facets);
    }

    public SearchQuery withDepartment(@Nullable CreditCode value) {
        return new SearchQuery(text, audience, theme, value, region, minDepth, page, size, facets);
    }

    public SearchQuery withRegion(@Nullable DivisionCode value) {
        return new SearchQuery(text, audience, theme, department, value, minDepth, page, size, facets);
    }

    public SearchQuery withMinDepth(@Nullable OnlineDepth value) {
        return new SearchQuery(text, audience, theme, department, region, value, page, size, facets);
    }

    public SearchQuery withPage(int page, int size) {
        return new SearchQuery(text, audience, theme, department, region, minDepth, page, size, facets);
    }

    public SearchQuery withFacets() {
        return new SearchQuery(text, audience, theme, department, region, minDepth, page, size, true);
    }
}
