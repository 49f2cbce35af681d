package org.yiwang.cases;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.IdNumber;

/**
 * Demo node: a few cases in various states for the window clerks of 福田区民政局 and 南山区民政局 ({@code ft-clerk},
 * {@code ns-clerk}), so that their workbench is not empty — walk-ins of people of the demo population base and online
 * applications of demo citizens. Each case has an idempotency key; a case already there is left alone, so restarts
 * add nothing. Runs once the demo items and citizens are loaded.
 */
@Component
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    static final String MARRIAGE = "11440304007550312P0700114001000";
    static final String DIVORCE = "11440304007550312P0700114002000";
    static final String SUBSISTENCE = "1144030500755089XE0500115000000";
    private static final Staff FT_CLERK = new Staff("ft-clerk", "福田区综合窗口人员", CreditCode.of("11440304007550312P"),
            DivisionCode.of("440304"), Set.of(StaffRole.WINDOW_CLERK));
    private static final Staff NS_CLERK = new Staff("ns-clerk", "南山区综合窗口人员", CreditCode.of("1144030500755089XE"),
            DivisionCode.of("440305"), Set.of(StaffRole.WINDOW_CLERK));
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Workbench workbench;
    private final Applications applications;
    private final CaseStore store;
    private final PersonProfiles profiles;

    DemoCases(Workbench workbench, Applications applications, CaseStore store, PersonProfiles profiles) {
        this.workbench = workbench;
        this.applications = applications;
        this.store = store;
        this.profiles = profiles;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        int before = count();
        try {
            walkIn(FT_CLERK, "demo-ft-1", MARRIAGE, "林小红", "440304199501010069", "13700000011",
                    marriage("440304199202290136"),
                    Map.of("military", "no"), List.of("m1", "m2", "m3"), n -> { });
            walkIn(FT_CLERK, "demo-ft-2", DIVORCE, "何军", "440304199202290136", "13700000012", Map.of(
                    "partnerName", "林小红",
                    "partnerIdNumber", "440304199501010069", "marriageDate", "2019-05-20",
                    "marriageCertificateNumber", "J440304-2019-012345", "childrenCount", "0"), Map.of(),
                    List.of("m1", "m2", "m3", "m4"), n -> workbench.accept(FT_CLERK, n, null, "材料齐全，当场办结"));
            online("demo-ft-3", MARRIAGE, "440304198503120013", marriage("44030719920611004X"),
                    Map.of("military", "no"), List.of("m1", "m2", "m3"), n -> { });
            online("demo-ft-4", MARRIAGE, "44030719920611004X", marriage("440304198503120013"),
                    Map.of("military", "yes"), List.of("m1", "m2", "m3", "m4"),
                    n -> workbench.requestCorrection(FT_CLERK, n, null, List.of(
                            new CorrectionItem("m4", null, "部队出具的婚姻状况证明已超过有效期，请重新上传"),
                            new CorrectionItem("m3", null, "合影照片须为近期 2 寸半身免冠照片")), "请一次补齐"));
            online("demo-ns-1", SUBSISTENCE, "440305199007180026", subsistence("粤海街道", "3", "1200"),
                    Map.of("disabled", "no", "agent", "self"), List.of("m1", "m2", "m3"), n -> { });
            walkIn(NS_CLERK, "demo-ns-2", SUBSISTENCE, "郑浩", "440305199912120111", "13700000013",
                    subsistence("南头街道", "1", "0"),
                    Map.of("disabled", "no", "agent", "self"), List.of("m1", "m2", "m3"), n -> { });
            walkIn(NS_CLERK, "demo-ns-3", SUBSISTENCE, "孙梅", "440306198306060122", "13700000014",
                    subsistence("蛇口街道", "2", "800"),
                    Map.of("disabled", "yes", "agent", "self"), List.of("m1", "m2", "m3", "m4"),
                    n -> workbench.accept(NS_CLERK, n, null, "材料齐全"));
        } catch (RuntimeException e) {
            log.warn("Demo cases not (all) loaded: {}", e.getMessage());
        }
        log.info("Demo cases: {} added", count() - before);
    }

    private static Map<String, String> marriage(String partnerIdNumber) {
        return Map.of("partnerName", "陈晓东", "partnerIdNumber", partnerIdNumber, "appointmentDate", "2026-12-18",
                "ceremony", "参加");
    }

    private static Map<String, String> subsistence(String street, String householdSize, String monthlyIncome) {
        return Map.of("street", street, "residenceAddress", "深圳市南山区" + street + "某社区 1 栋 101",
                "householdSize", householdSize, "monthlyIncome", monthlyIncome,
                "reason", "家庭成员患病，收入低于本市最低生活保障标准");
    }

    private void walkIn(Staff clerk, String key, String item, String name, String idNumber, String mobile,
            Map<String, String> form,
            Map<String, String> answers, List<String> paper, Consumer<String> then) {
        if (store.findByIdempotencyKey("staff:" + clerk.username(), key).isPresent()) {
            return;
        }
        CaseView c = workbench.registerWalkIn(clerk, new Workbench.WalkIn(item, name, idNumber, mobile, form,
                answers, paper), key);
        then.accept(c.caseNumber());
    }

    private void online(String key, String item, String idNumber, Map<String, String> form,
            Map<String, String> answers, List<String> uploads, Consumer<String> then) {
        var profile = profiles.findByIdNumber(IdNumber.of(idNumber)).orElse(null);
        if (profile == null || store.findByIdempotencyKey("person:" + profile.accountId().value(), key).isPresent()) {
            return;
        }
        Applicant applicant = new Applicant(profile.person(), null);
        DraftView draft = applications.createDraft(applicant, new Applications.DraftInput(item, form, answers));
        uploads.forEach(slot -> applications.uploadToDraft(applicant, draft.draftId(), slot, slot + ".pdf", PDF));
        CaseView c = applications.submit(applicant, new Applications.Submission(draft.draftId(), null, null, null),
                key);
        then.accept(c.caseNumber());
    }

    private int count() {
        return (int) store.count("idempotency_key LIKE 'demo-%'", Map.of());
    }
}
