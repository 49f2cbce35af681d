package org.yiwang.cases;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.PlatformTestBase;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.catalog.ApplicationForm;
import org.yiwang.catalog.CaseType;
import org.yiwang.catalog.ExerciseLevel;
import org.yiwang.catalog.HandlingForm;
import org.yiwang.catalog.ItemAdministration;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.ItemType;
import org.yiwang.catalog.Material;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.ResultType;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.catalog.Situation;
import org.yiwang.catalog.Theme;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.AgentScope;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffPrincipal;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.oidc.TestTokens;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * What case tests share besides {@link PlatformTestBase}: items published for the test (福田 and 南山 civil affairs),
 * the demo citizens as applicants, staff of either district, small real files, the case clock (reset after each
 * test) and staff requests.
 */
abstract class CaseTestBase extends PlatformTestBase {

    /** 福田区民政局 (region 440304) and 南山区民政局 (region 440305) of the demo departments. */
    static final String FUTIAN = "11440304007550312P";
    static final String NANSHAN = "1144030500755089XE";

    @Autowired
    ApplicationContext application;
    @Autowired
    Applications applications;
    @Autowired
    Workbench workbench;
    @Autowired
    CaseDatasets datasets;
    @Autowired
    CaseProgress progress;
    @Autowired
    OverdueCheck overdue;
    @Autowired
    CaseProcesses processes;
    @Autowired
    ItemAdministration items;
    @Autowired
    CaseClock clock;
    @Autowired
    WorkingDayCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Sets the case clock to 10:00 Beijing time on {@code day}. */
    void today(LocalDate day) {
        clock.fix(ZonedDateTime.of(day, LocalTime.of(10, 0), WorkingDayCalendar.ZONE).toInstant());
    }

    // --- items ---

    /** Publishes an item of {@code department}: material m1 always, m2 when the situation "chain" is answered yes. */
    String item(String department, int promisedDays, boolean preReview, ApplicationForm form) {
        return item(department, promisedDays, preReview, form, null);
    }

    /** As above, for online applicants of at least assurance level {@code minimumLevel} (2–5, or null for any). */
    String item(String department, int promisedDays, boolean preReview, ApplicationForm form,
            Integer minimumLevel) {
        String code = department + "T%012d".formatted(nextNumber());
        ItemContent content = new ItemContent("000201001", code, null, "测试事项" + code.substring(18),
                ItemType.LICENSING, department, ExerciseLevel.COUNTY, "《测试条例》第一条",
                TimeLimit.workingDays(Math.max(20, promisedDays)), TimeLimit.workingDays(promisedDays), null,
                promisedDays == 0 ? CaseType.IMMEDIATE : CaseType.PROMISED, 0, null, false, List.of(),
                "符合条件的申请人", List.of(material("m1", "申请书", false), material("m2", "连锁经营证明", true)), false,
                List.of(new Situation("chain", "是否连锁经营？", List.of(
                        new Situation.Answer("yes", "是", List.of("m2"), List.of()),
                        new Situation.Answer("no", "否", List.of(), List.of())))),
                Set.of(ServiceObject.NATURAL_PERSON, ServiceObject.ENTERPRISE),
                Set.of(HandlingForm.WINDOW, HandlingForm.ONLINE_PC), OnlineDepth.ONLINE_HANDLING, false, false, true,
                "申请—受理—审查—决定—办结", "许可证", ResultType.CERTIFICATE, Set.of(Theme.SOCIAL_ASSISTANCE),
                List.of("测试"), "深圳市福田区", "周一至周五", "12345", "12345", List.of(), form, preReview,
                minimumLevel);
        asPlatformAdmin(() -> {
            items.create(content);
            items.publish(code);
        });
        return code;
    }

    String item(String department, int promisedDays) {
        return item(department, promisedDays, false, ApplicationForm.NONE);
    }

    private static Material material(String key, String name, boolean conditional) {
        return new Material(key, name, true, conditional, Material.MaterialForm.ELECTRONIC, 1,
                Material.MaterialSource.APPLICANT, null, null, null, null, null, null, null);
    }

    static void asPlatformAdmin(Runnable work) {
        Staff admin = new Staff("test-admin", "测试管理员", CreditCode.of("11440300MB2C94021Y"), DivisionCode.of("4403"),
                Set.of(StaffRole.PLATFORM_ADMIN));
        var auth = new UsernamePasswordAuthenticationToken(new StaffPrincipal(admin, ""), null,
                new StaffPrincipal(admin, "").getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // --- people ---

    Applicant applicant(String idNumber) {
        return new Applicant(profile(idNumber).person(), null);
    }

    Applicant actingFor(String idNumber, String creditCode, String name, AgentScope scope) {
        return new Applicant(profile(idNumber).person(), ActingFor.agent(creditCode, name, scope));
    }

    Applicant representing(String idNumber, String creditCode, String name) {
        return new Applicant(profile(idNumber).person(), ActingFor.representative(creditCode, name));
    }

    static Staff futian(StaffRole... roles) {
        return staff(FUTIAN, "440304", roles);
    }

    static Staff nanshan(StaffRole... roles) {
        return staff(NANSHAN, "440305", roles);
    }

    // --- applications ---

    /** A submitted application of {@code applicant} (not a chain shop: m1 only). */
    String submit(Applicant applicant, String itemCode) {
        DraftView draft = applications.createDraft(applicant, new Applications.DraftInput(itemCode, Map.of(),
                Map.of("chain", "no")));
        applications.uploadToDraft(applicant, draft.draftId(), "m1", "申请书.pdf", pdf());
        return applications.submit(applicant, new Applications.Submission(draft.draftId(), null, null, null),
                UUID.randomUUID().toString()).caseNumber();
    }

    /** A case of {@code item} accepted by a fresh clerk of the department's district. */
    String accepted(Applicant applicant, String itemCode, Staff clerk) {
        String number = submit(applicant, itemCode);
        workbench.accept(clerk, number, null, "材料齐全");
        return number;
    }

    CaseView staffView(String number) {
        return workbench.view(staff(FUTIAN, "44", StaffRole.SUPERVISOR), number);
    }

    // --- files ---

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    // --- HTTP ---

    /** A request of a freshly logged-in copy of the demo platform administrator (session cookie and CSRF header). */
    HttpRequest.Builder adminRequest(String path) {
        return StaffLogin.session(application, port, "admin").request(path);
    }

    /** A request with the bearer token of a fresh copy of a demo staff account, as a workbench client sends it. */
    HttpRequest.Builder staffRequest(String template, String path) {
        return request(path, TestTokens.staff(application, base(), StaffLogin.like(application, template).username()));
    }
}
