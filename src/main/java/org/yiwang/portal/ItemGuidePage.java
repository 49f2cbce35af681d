package org.yiwang.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.department.Departments;
import org.yiwang.shared.CreditCode;

/** The service guide (办事指南) of one published item, and the entry to online application. */
@Controller
class ItemGuidePage {

    private final PublishedItems items;
    private final Departments departments;

    ItemGuidePage(PublishedItems items, Departments departments) {
        this.items = items;
        this.departments = departments;
    }

    @GetMapping("/items/{code}")
    String guide(@PathVariable String code, Model model) {
        PublishedItem item = find(code);
        ItemContent content = item.content();
        Map<String, String> materialNames = new LinkedHashMap<>();
        content.materials().forEach(m -> materialNames.put(m.key(), m.name()));
        model.addAttribute("item", item);
        model.addAttribute("c", content);
        model.addAttribute("situations", content.situations().stream().map(s -> new SituationView(s.question(),
                s.answers().stream().map(a -> new AnswerView(a.label(), names(a.addsMaterials(), materialNames),
                        names(a.removesMaterials(), materialNames))).toList())).toList());
        model.addAttribute("department", CreditCode.isValid(content.departmentCode())
                ? departments.find(CreditCode.of(content.departmentCode())).orElse(null) : null);
        return "item";
    }

    @GetMapping("/items/{code}/apply")
    String apply(@PathVariable String code, Model model) {
        model.addAttribute("item", find(code));
        return "apply";
    }

    private static List<String> names(List<String> keys, Map<String, String> materialNames) {
        return keys.stream().map(k -> materialNames.getOrDefault(k, k)).toList();
    }

    /** A situation as the guide shows it: the question, and per answer the names of the materials it changes. */
    public record SituationView(String question, List<AnswerView> answers) {
    }

    public record AnswerView(String label, List<String> adds, List<String> removes) {
    }

    private PublishedItem find(String code) {
        return items.find(code).orElseThrow(() -> new PageNotFoundException("item.notFound", code));
    }
}
