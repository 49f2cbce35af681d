package org.yiwang.catalog.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.Audience;
import org.yiwang.catalog.ItemSearch;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.SearchError;
import org.yiwang.catalog.SearchQuery;
import org.yiwang.catalog.SearchResult;
import org.yiwang.catalog.Theme;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** The public search API over published items (事项检索). */
@RestController
@Tag(name = "事项检索", description = "Full-text search over the published service items")
class ItemSearchController {

    private final ItemSearch search;

    ItemSearchController(ItemSearch search) {
        this.search = search;
    }

    @GetMapping(path = "/api/v1/items", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search published items",
            description = "Relevance-ranked search by Chinese words, full pinyin (shebaoka) or pinyin initials (sbk); "
                    + "without q, browses the filtered items ordered by the pinyin of their names. Errors: "
                    + "INVALID_PARAMETER (unknown audience or theme, non-numeric page/size/depth), INVALID_CREDIT_CODE, "
                    + "INVALID_DIVISION_CODE, CATALOG_SEARCH_TEXT_TOO_LONG, CATALOG_SEARCH_INVALID_SIZE, "
                    + "CATALOG_SEARCH_INVALID_PAGE, CATALOG_SEARCH_PAGE_TOO_DEEP, CATALOG_SEARCH_INVALID_DEPTH; "
                    + "503 CATALOG_SEARCH_NOT_READY while the index is built after start-up.")
    SearchResult search(
            @Parameter(description = "Words or pinyin, at most 100 characters") @RequestParam(required = false)
            @Nullable String q,
            @Parameter(description = "PERSON (个人办事) or ENTERPRISE (法人办事)") @RequestParam(required = false)
            @Nullable Audience audience,
            @Parameter(description = "Life-event theme (主题分类)") @RequestParam(required = false) @Nullable Theme theme,
            @Parameter(description = "Unified social credit code of the implementing department")
            @RequestParam(required = false) @Nullable String department,
            @Parameter(description = "Division code of the department's region; 4403 includes 440304")
            @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "Minimum online-handling depth, 1 (consultation) to 7 (electronic licence)")
            @RequestParam(required = false) @Nullable Integer depth,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Hits per page, 1 to 100") @RequestParam(defaultValue = "10") int size,
            @Parameter(description = "Also count the matches per audience and theme")
            @RequestParam(defaultValue = "false") boolean facets) {
        return search.search(new SearchQuery(q, audience, theme,
                department == null || department.isBlank() ? null : CreditCode.of(department),
                region == null || region.isBlank() ? null : DivisionCode.of(region),
                depth == null ? null : depth(depth), page, size, facets));
    }

    private static OnlineDepth depth(int level) {
        for (OnlineDepth d : OnlineDepth.values()) {
            if (d.level() == level) {
                return d;
            }
        }
        throw new BusinessException(SearchError.CATALOG_SEARCH_INVALID_DEPTH, level);
    }
}
