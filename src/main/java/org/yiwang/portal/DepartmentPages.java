package org.yiwang.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.catalog.ItemSearch;
import org.yiwang.catalog.SearchQuery;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.shared.CreditCode;

/** The list of departments and one department's page with its published items. */
@Controller
class DepartmentPages {

    private final Departments departments;
    private final ItemSearch search;

    DepartmentPages(Departments departments, ItemSearch search) {
        this.departments = departments;
        this.search = search;
    }

    @GetMapping("/departments")
    String list(Model model) {
        Map<Department.DepartmentLevel, List<Department>> byLevel = new LinkedHashMap<>();
        departments.all().forEach(d -> byLevel.computeIfAbsent(d.level(), l -> new java.util.ArrayList<>()).add(d));
        model.addAttribute("byLevel", byLevel);
        return "departments";
    }

    @GetMapping("/departments/{code}")
    String department(@PathVariable String code, @RequestParam(defaultValue = "1") @Nullable String page,
            Model model) {
        Department department = (CreditCode.isValid(code) ? departments.find(CreditCode.of(code))
                : java.util.Optional.<Department>empty())
                .orElseThrow(() -> new PageNotFoundException("department.notFound", code));
        int pageNumber = page == null ? 1 : SearchPages.parsePage(page);
        model.addAttribute("department", department);
        model.addAttribute("result", search.search(SearchQuery.of(null).withDepartment(department.creditCode())
                .withPage(pageNumber - 1, SearchPages.PAGE_SIZE)));
        model.addAttribute("pageNumber", pageNumber);
        return "department";
    }
}
