package org.yiwang.catalog.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.yiwang.shared.CommonError;
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
                    + "INVALID_PARAMETER (unknown audience or theme, non-numeric page, size or depth), INVALID_CREDIT_CODE, "
                    + "INVALID_DIVISION_CODE, CATALOG_SEARCH_TEXT_TOO_LONG, CATALOG_SEARCH_INVALID_SIZE, "
                    + "CATALOG_SEARCH_INVALID_PAGE, CATALOG_SEARCH_PAGE_TOO_DEEP, CATALOG_SEARCH_INVALID_DEPTH; "
                    + "503 CATALOG_SEARCH_NOT_READY while the index is built after start-up.")
    SearchResult search(
            @Parameter(description = "Words or pinyin, at most 100 characters") @RequestParam(required = false)
            @Nullable String q,
            @Parameter(description = "PERSON (个人办事) or ENTERPRISE (法人办事)",
                    schema = @Schema(implementation = Audience.class)) @RequestParam(required = false)
            @Nullable String audience,
            @Parameter(description = "Life-event theme (主题分类)", schema = @Schema(implementation = Theme.class))
            @RequestParam(required = false) @Nullable String theme,
            @Parameter(description = "Unified social credit code of the implementing department")
            @RequestParam(required = false) @Nullable String department,
            @Parameter(description = "Division code of the department's region; 4403 includes 440304")
            @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "Minimum online-handling depth, 1 (consultation) to 7 (electronic licence)",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "7")) @RequestParam(required = false)
            @Nullable String depth,
            @Parameter(description = "0-based page number", schema = @Schema(type = "integer", minimum = "0",
                    defaultValue = "0")) @RequestParam(required = false) @Nullable String page,
            @Parameter(description = "Hits per page", schema = @Schema(type = "integer", minimum = "1",
                    maximum = "100", defaultValue = "10")) @RequestParam(required = false) @Nullable String size,
            @Parameter(description = "Also count the matches per audience and theme",
                    schema = @Schema(type = "boolean", defaultValue = "false")) @RequestParam(required = false)
            @Nullable String facets) {
        return search.search(new SearchQuery(q,
                blank(audience) ? null : constant(Audience.class, "audience", audience),
                blank(theme) ? null : constant(Theme.class, "theme", theme),
                blank(department) ? null : CreditCode.of(department),
                blank(region) ? null : DivisionCode.of(region),
                blank(depth) ? null : depth(number("depth", depth)),
                blank(page) ? 0 : number("page", page),
                blank(size) ? SearchQuery.DEFAULT_SIZE : number("size", size),
                !blank(facets) && flag("facets", facets)));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    // Parsed here rather than by Spring's converters so that every malformed parameter gets this API's problem detail.
    private static <E extends Enum<E>> E constant(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, parameter);
        }
    }

    private static int number(String parameter, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, parameter);
        }
    }

    private static boolean flag(String parameter, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BusinessException(CommonError.INVALID_PARAMETER, parameter);
        };
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
