package org.yiwang.portal.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.cases.CaseAction;
import org.yiwang.cases.CaseState;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.CorrectionItem;
import org.yiwang.cases.DeliveryMethod;
import org.yiwang.cases.MaterialContent;
import org.yiwang.cases.PauseKind;
import org.yiwang.cases.TrailEntry;
import org.yiwang.cases.Workbench;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.portal.CaseTimes;
import org.yiwang.shared.BusinessException;

/**
 * The staff workbench (办件工作台): the queues of the member's roles and scope, a case with its materials, trail and
 * remaining working days, and a form for each action that the case's state and the member's role allow. Every
 * action goes through {@link Workbench} with the version the page showed, so acting on a stale page is refused.
 */
@Controller
@RequestMapping("/admin/cases")
class WorkbenchPages {

    private final Workbench workbench;
    private final PublishedItems items;
    private final MessageSource messages;

    WorkbenchPages(Workbench workbench, PublishedItems items, MessageSource messages) {
        this.workbench = workbench;
        this.items = items;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "TASKS") Workbench.Queue queue,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", queue);
        model.addAttribute("queues", Workbench.Queue.values());
        model.addAttribute("cases", workbench.queue(staff(), queue, page));
        model.addAttribute("times", CaseTimes.format());
        model.addAttribute("unreadMessages", workbench.unreadMessages(staff()));
        return "admin/cases";
    }

    /** 标为已读 of a message on the queue page. */
    @PostMapping("/messages/{id}/read")
    String markRead(@PathVariable long id) {
        workbench.markRead(staff(), id);
        return "redirect:/admin/cases";
    }

    @GetMapping("/{caseNumber}")
    String detail(@PathVariable String caseNumber, Model model) {
        return render(model, workbench.file(staff(), caseNumber), null);
    }

    @GetMapping("/{caseNumber}/materials/{materialId}")
    ResponseEntity<byte[]> material(@PathVariable String caseNumber, @PathVariable long materialId) {
        MaterialContent content = workbench.material(staff(), caseNumber, materialId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(String.valueOf(content.material().mediaType())))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(String.valueOf(content.material().fileName()),
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    /** One action of the case; {@code action} names it as the page's forms do. */
    @PostMapping("/{caseNumber}/{action}")
    String act(@PathVariable String caseNumber, @PathVariable String action,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String opinion,
            @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Staff staff = staff();
        try {
            switch (action) {
                case "pre-review" -> workbench.preReview(staff, caseNumber, version, opinion);
                case "accept" -> workbench.accept(staff, caseNumber, version, opinion);
                case "reject" -> workbench.reject(staff, caseNumber, version, opinion);
                case "corrections" -> workbench.requestCorrection(staff, caseNumber, version,
                        correctionItems(params), opinion);
                case "review" -> workbench.review(staff, caseNumber, version, opinion);
                case "decision" -> workbench.decide(staff, caseNumber, version,
                        "approve".equals(params.get("decision")), opinion);
                case "completion" -> workbench.complete(staff, caseNumber, version, null, opinion);
                case "delivery" -> workbench.deliver(staff, caseNumber, version, delivery(params.get("method")),
                        params.get("note"));
                case "extension-requests" -> workbench.requestExtension(staff, caseNumber, version,
                        days(params.get("days")), opinion);
                case "extensions" -> workbench.extend(staff, caseNumber, version, days(params.get("days")), opinion);
                case "pauses" -> workbench.pause(staff, caseNumber, version, pauseKind(params.get("kind")), opinion);
                case "resume" -> workbench.resume(staff, caseNumber, version, opinion);
                case "reassign" -> workbench.reassign(staff, caseNumber, version, params.get("username"), opinion);
                case "annulment" -> workbench.annul(staff, caseNumber, version, opinion);
                case "deletion" -> workbench.delete(staff, caseNumber, version, opinion);
                case "forwarding" -> workbench.forward(staff, caseNumber, version, opinion);
                case "claim" -> workbench.claim(staff, caseNumber, version);
                case "release" -> workbench.release(staff, caseNumber, version);
                default -> throw new org.yiwang.portal.PageNotFoundException("item.notFound", action);
            }
        } catch (BusinessException e) {
            response.setStatus(e.error().status().value());
            return render(model, workbench.file(staff, caseNumber), messages.getMessage("error." + e.error().code(),
                    e.args(), e.error().code(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/cases/" + caseNumber + "?done=" + action;
    }

    private String render(Model model, Workbench.CaseFile file, @Nullable String error) {
        Staff staff = staff();
        CaseView view = file.view();
        CaseView.Step step = view.currentStep();
        boolean myRole = step != null && step.role() != null && hasRole(staff, step.role());
        boolean free = step == null || step.handler() == null || step.handler().equals(staff.username());
        model.addAttribute("v", view);
        model.addAttribute("licenceChecks", file.licenceChecks());
        model.addAttribute("error", error);
        model.addAttribute("times", CaseTimes.format());
        model.addAttribute("canAct", myRole && free);
        model.addAttribute("canClaim", myRole && step.handler() == null);
        model.addAttribute("canRelease", step != null && staff.username().equals(step.handler()));
        model.addAttribute("canDeliver", view.state() == CaseState.COMPLETED && view.delivery() == null
                && staff.has(StaffRole.WINDOW_CLERK));
        model.addAttribute("deliveryMethods", DeliveryMethod.values());
        model.addAttribute("formFields", items.find(view.itemCode()).map(i -> i.content().applicationForm().fields()
                .stream().filter(f -> f.prefill() == null).toList()).orElse(List.of()));
        model.addAttribute("offers", file.offers().stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("pauseKinds", Arrays.stream(PauseKind.values()).filter(k -> k != PauseKind.CORRECTION)
                .toList());
        model.addAttribute("maxExtension", Math.max(0, Workbench.MAX_EXTENSION_DAYS - view.extensionDays()));
        model.addAttribute("extensionRequest", extensionRequest(view));
        model.addAttribute("reassignees", file.reassignees());
        return "admin/case";
    }

    /** The reviewer's request for an extension that no extension has answered yet, if any. */
    private static @Nullable TrailEntry extensionRequest(CaseView view) {
        TrailEntry pending = null;
        for (TrailEntry e : view.trail() == null ? List.<TrailEntry>of() : view.trail()) {
            if (e.action() == CaseAction.REQUEST_EXTENSION) {
                pending = e;
            } else if (e.action() == CaseAction.EXTEND) {
                pending = null;
            }
        }
        return pending;
    }

    private static boolean hasRole(Staff staff, String role) {
        try {
            return staff.has(StaffRole.valueOf(role));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@code c.<material>} asks for that material again with the text as the reason, {@code cf.<field>} for a form
     * field; {@code c.general} is a remark.
     */
    private static List<CorrectionItem> correctionItems(Map<String, String> params) {
        List<CorrectionItem> items = new ArrayList<>();
        params.forEach((name, value) -> {
            if (name.startsWith("c.") && !value.isBlank()) {
                String slot = name.substring(2);
                items.add(new CorrectionItem("general".equals(slot) ? null : slot, null, value.strip()));
            } else if (name.startsWith("cf.") && !value.isBlank()) {
                items.add(new CorrectionItem(null, name.substring(3), value.strip()));
            }
        });
        return items;
    }

    /** Days of an extension; anything not a number is 0, which the workbench refuses with its message. */
    private static int days(@Nullable String days) {
        try {
            return days == null ? 0 : Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable PauseKind pauseKind(@Nullable String kind) {
        try {
            return kind == null ? null : PauseKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable DeliveryMethod delivery(@Nullable String method) {
        try {
            return method == null ? null : DeliveryMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Staff staff() {
        return CurrentStaff.require();
    }
}
