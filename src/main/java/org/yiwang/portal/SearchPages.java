package org.yiwang.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.catalog.Audience;
import org.yiwang.catalog.ItemSearch;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.SearchQuery;
import org.yiwang.catalog.SearchResult;
import org.yiwang.catalog.Theme;
import org.yiwang.department.Departments;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.CreditCode;

/** The home page and the search results with their filters; a theme page is the search filtered by theme. */
@Controller
class SearchPages {

    static final int PAGE_SIZE = 10;
    private static final int HOME_ITEMS = 8;
    private static final int HOME_DEPARTMENTS = 12;

    private final ItemSearch search;
    private final Departments departments;

    SearchPages(ItemSearch search, Departments departments) {
        this.search = search;
        this.departments = departments;
    }

    @GetMapping("/")
    String home(Model model) {
        SearchResult all = search.search(SearchQuery.of(null).withPage(0, HOME_ITEMS).withFacets());
        Map<String, Long> counts = new java.util.HashMap<>();
        if (all.facets() != null) {
            all.facets().themes().forEach((theme, count) -> counts.put(theme.name(), count));
        }
        model.addAttribute("personThemes", themes(Audience.PERSON));
        model.addAttribute("enterpriseThemes", themes(Audience.ENTERPRISE));
        model.addAttribute("themeCounts", counts);
        model.addAttribute("total", all.total());
        model.addAttribute("online", search.search(SearchQuery.of(null).withMinDepth(OnlineDepth.ONLINE_HANDLING)
                .withPage(0, HOME_ITEMS)).hits());
        List<org.yiwang.department.Department> list = departments.all();
        model.addAttribute("departments", list.subList(0, Math.min(HOME_DEPARTMENTS, list.size())));
        model.addAttribute("moreDepartments", list.size() > HOME_DEPARTMENTS);
        return "home";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String audience,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String depth,
            @RequestParam(required = false) @Nullable String page, Model model) {
        int pageNumber = page == null || page.isBlank() ? 1 : parsePage(page);
        Theme themeFilter = parse(Theme.class, "theme", theme);
        Audience audienceFilter = parse(Audience.class, "audience", audience);
        if (themeFilter != null && audienceFilter == null) {
            audienceFilter = themeFilter.audience();
        }
        SearchQuery query = SearchQuery.of(q)
                .withAudience(audienceFilter)
                .withTheme(themeFilter)
                .withDepartment(blank(department) ? null : creditCode(department))
                .withMinDepth(parse(OnlineDepth.class, "depth", depth))
                .withPage(pageNumber - 1, PAGE_SIZE)
                .withFacets();
        SearchResult result = search.search(query);
        model.addAttribute("query", query);
        model.addAttribute("q", query.text() == null ? "" : query.text());
        model.addAttribute("result", result);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("themes", audienceFilter == null ? List.of(Theme.values()) : themes(audienceFilter));
        model.addAttribute("departments", departments.all());
        model.addAttribute("depths", OnlineDepth.values());
        model.addAttribute("audiences", Audience.values());
        return "search";
    }

    static CreditCode creditCode(String value) {
        if (!CreditCode.isValid(value.strip())) {
            throw new BusinessException(CommonError.INVALID_CREDIT_CODE, value);
        }
        return CreditCode.of(value.strip());
    }

    private static List<Theme> themes(Audience audience) {
        return Arrays.stream(Theme.values()).filter(t -> t.audience() == audience).toList();
    }

    static int parsePage(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BusinessException(CommonError.INVALID_PARAMETER, "page");
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, name);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
