package org.yiwang.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.department.Departments;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.RuleViolations;

/** The service guide (办事指南) of one published item, and the entry to online application. */
@Controller
class ItemGuidePage {

    private static final String ANSWER_PREFIX = "s.";

    private final PublishedItems items;
    private final Departments departments;
    private final MessageSource messages;

    ItemGuidePage(PublishedItems items, Departments departments, MessageSource messages) {
        this.items = items;
        this.departments = departments;
        this.messages = messages;
    }

    /**
     * The guide. Situation answers come as {@code s.<situation key>=<answer key>} from the guide's own GET form; once
     * the visitor has answered ({@code show}), the page lists the materials those answers need, or what is missing.
     */
    @GetMapping("/items/{code}")
    String guide(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model) {
        PublishedItem item = find(code);
        ItemContent content = item.content();
        Map<String, String> materialNames = new LinkedHashMap<>();
        content.materials().forEach(m -> materialNames.put(m.key(), m.name()));
        model.addAttribute("item", item);
        model.addAttribute("c", content);
        model.addAttribute("online", appliesOnline(content));
        model.addAttribute("situations", content.situations().stream().map(s -> new SituationView(s.key(),
                s.question(), s.answers().stream().map(a -> new AnswerView(a.key(), a.label(),
                        names(a.addsMaterials(), materialNames), names(a.removesMaterials(), materialNames)))
                        .toList())).toList());
        model.addAttribute("department", CreditCode.isValid(content.departmentCode())
                ? departments.find(CreditCode.of(content.departmentCode())).orElse(null) : null);
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX) && !values.isEmpty()) {
                answers.put(name.substring(ANSWER_PREFIX.length()), values.get(0));
            }
        });
        model.addAttribute("answers", answers);
        if (!content.situations().isEmpty() && (params.containsKey("show") || !answers.isEmpty())) {
            try {
                model.addAttribute("chosenMaterials", content.materialsFor(answers));
            } catch (RuleViolations e) {
                model.addAttribute("answerProblems", e.violations().stream().map(v -> messages.getMessage(
                        "error." + v.error().code(), v.args().toArray(), v.error().code(),
                        LocaleContextHolder.getLocale())).toList());
            }
        }
        return "item";
    }

    /** Items taking applications online go to the application page (which asks for a login); others explain. */
    @GetMapping("/items/{code}/apply")
    String apply(@PathVariable String code, Model model) {
        PublishedItem item = find(code);
        if (appliesOnline(item.content())) {
            return "redirect:/account/apply/" + item.code();
        }
        model.addAttribute("item", item);
        return "apply";
    }

    static boolean appliesOnline(ItemContent content) {
        return content.onlineDepth().level() >= OnlineDepth.ONLINE_MATERIALS.level();
    }

    private static List<String> names(List<String> keys, Map<String, String> materialNames) {
        return keys.stream().map(k -> materialNames.getOrDefault(k, k)).toList();
    }

    /** A situation as the guide shows it: the question, and per answer the names of the materials it changes. */
    public record SituationView(String key, String question, List<AnswerView> answers) {
    }

    public record AnswerView(String key, String label, List<String> adds, List<String> removes) {
    }

    private PublishedItem find(String code) {
        return items.find(code).orElseThrow(() -> new PageNotFoundException("item.notFound", code));
    }
}
