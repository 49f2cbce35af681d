package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.catalog.TestItems.SCJG;
import static org.yiwang.catalog.TestItems.WSJK;
import static org.yiwang.catalog.TestItems.with;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffPrincipal;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.ErrorCode;
import org.yiwang.shared.RuleViolations;

@IntegrationTest
@RecordApplicationEvents
class ItemAdministrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    @Autowired
    ItemAdministration items;
    @Autowired
    PublishedItems published;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void logInAsMarketRegulation() {
        logIn(SCJG);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    static void logIn(String department) {
        var staff = new Staff("admin-" + department, "事项管理员", CreditCode.of(department), DivisionCode.of("440300"),
                Set.of(StaffRole.DEPARTMENT_ADMIN));
        var principal = new StaffPrincipal(staff, "");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    static ItemContent newItem(String department) {
        return TestItems.valid(department, "9%012d".formatted(SEQUENCE.incrementAndGet()));
    }

    @Test
    void aPublishedItemStaysPublicWhileItsNextVersionIsDrafted() {
        ItemContent v1 = newItem(SCJG);
        String code = v1.implementationCode();
        ManagedItem created = items.create(v1);
        assertThat(created).extracting(ManagedItem::status, ManagedItem::latestVersion, ManagedItem::publicVersion,
                ManagedItem::revision).containsExactly(ItemStatus.DRAFT, 1, null, 1);
        assertThat(published.find(code)).isEmpty();

        ManagedItem saved = items.update(code, 1, with(v1, "name", "食品经营许可（草稿二稿）"));
        assertThat(saved).extracting(ManagedItem::latestVersion, ManagedItem::revision).containsExactly(1, 2);
        assertThat(published.find(code)).isEmpty();

        ManagedItem first = items.publish(code);
        assertThat(first).extracting(ManagedItem::status, ManagedItem::publicVersion, ManagedItem::hasDraft)
                .containsExactly(ItemStatus.PUBLISHED, 1, false);
        assertThat(published.find(code)).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo(1);
            assertThat(p.content().name()).isEqualTo("食品经营许可（草稿二稿）");
        });
        assertThat(events.stream(ItemPublished.class)).containsExactly(new ItemPublished(code, 1));

        ManagedItem draft = items.update(code, first.revision(), with(v1, "name", "食品经营许可（第二版）"));
        assertThat(draft).extracting(ManagedItem::status, ManagedItem::latestVersion, ManagedItem::publicVersion,
                ManagedItem::hasDraft).containsExactly(ItemStatus.PUBLISHED, 2, 1, true);
        assertThat(items.update(code, draft.revision(), with(v1, "name", "食品经营许可（第二版修订）")).latestVersion())
                .isEqualTo(2);
        assertThat(published.find(code).orElseThrow().content().name()).isEqualTo("食品经营许可（草稿二稿）");
        assertThat(items.get(code).content().name()).isEqualTo("食品经营许可（第二版修订）");

        items.publish(code);
        assertThat(published.find(code)).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.content().name()).isEqualTo("食品经营许可（第二版修订）");
        });
        assertThat(events.stream(ItemPublished.class)).containsExactly(new ItemPublished(code, 1),
                new ItemPublished(code, 2));
    }

    @Test
    void suspendResumeAndCancelChangeWhatIsPublic() {
        String code = createdAndPublished();
        assertThat(items.suspend(code, "法规修订，暂停办理").status()).isEqualTo(ItemStatus.SUSPENDED);
        assertThat(published.find(code)).isEmpty();
        assertThat(items.resume(code).status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(published.find(code)).isPresent();
        assertThat(items.cancel(code, "事项已取消").status()).isEqualTo(ItemStatus.CANCELLED);
        assertThat(published.find(code)).isEmpty();
        assertThat(events.stream(ItemWithdrawn.class)).containsExactly(new ItemWithdrawn(code), new ItemWithdrawn(code));
        assertThat(events.stream(ItemPublished.class)).hasSize(2);
    }

    @Test
    void wrongTransitionsAreRefusedAndChangeNothing() {
        String draft = items.create(newItem(SCJG)).code();
        assertRefusedUnchanged(draft, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, () -> items.suspend(draft, "原因"));
        assertRefusedUnchanged(draft, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, () -> items.resume(draft));

        String code = createdAndPublished();
        assertRefusedUnchanged(code, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, () -> items.publish(code));
        assertRefusedUnchanged(code, CatalogError.CATALOG_REASON_REQUIRED, () -> items.cancel(code, " "));
        items.cancel(code, "不再实施");
        assertRefusedUnchanged(code, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, () -> items.publish(code));
        assertRefusedUnchanged(code, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, () -> items.resume(code));
        assertRefusedUnchanged(code, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, () -> items.cancel(code, "再次"));
        int revision = items.get(code).revision();
        assertRefusedUnchanged(code, CatalogError.CATALOG_TRANSITION_NOT_ALLOWED,
                () -> items.update(code, revision, items.get(code).content()));
    }

    @Test
    void aStaleRevisionIsAConflict() {
        ManagedItem item = items.create(newItem(SCJG));
        items.update(item.code(), 1, with(item.content(), "name", "甲的修改"));
        assertRefusedUnchanged(item.code(), CatalogError.CATALOG_REVISION_CONFLICT,
                () -> items.update(item.code(), 1, with(item.content(), "name", "乙的修改")));
        assertThat(items.get(item.code()).content().name()).isEqualTo("甲的修改");
    }

    @Test
    void theChangeRecordSaysWhoDidWhatAndWhichFieldsChanged() {
        ItemContent v1 = newItem(SCJG);
        String code = v1.implementationCode();
        items.create(v1);
        items.update(code, 1, with(v1, "promisedLimit", TimeLimit.workingDays(5)));
        items.publish(code);
        items.update(code, 3, with(v1, "promisedLimit", TimeLimit.workingDays(3), "consultationPhone", "0755-12345"));
        items.suspend(code, "系统维护");

        List<ItemChange> history = items.history(code);
        assertThat(history).extracting(ItemChange::action, ItemChange::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ItemChange.Action.CREATED, 1),
                org.assertj.core.groups.Tuple.tuple(ItemChange.Action.SAVED, 1),
                org.assertj.core.groups.Tuple.tuple(ItemChange.Action.PUBLISHED, 1),
                org.assertj.core.groups.Tuple.tuple(ItemChange.Action.NEW_VERSION, 2),
                org.assertj.core.groups.Tuple.tuple(ItemChange.Action.SUSPENDED, 1));
        assertThat(history).allSatisfy(c -> assertThat(c.actor()).isEqualTo("admin-" + SCJG));
        assertThat(history.get(0).changes()).extracting(ItemChange.FieldChange::path).contains("name", "materials");
        assertThat(history.get(1).changes()).containsExactly(
                new ItemChange.FieldChange("promisedLimit.value", "10", "5"));
        assertThat(history.get(3).changes()).containsExactly(
                new ItemChange.FieldChange("promisedLimit.value", "5", "3"),
                new ItemChange.FieldChange("consultationPhone", "12345", "0755-12345"));
        assertThat(history.get(4).reason()).isEqualTo("系统维护");
        assertThat(history.get(4).at()).isAfterOrEqualTo(history.get(0).at());

        assertThatThrownBy(() -> jdbc.sql("delete from catalog_item_change where code = ?").param(code).update())
                .hasMessageContaining("append-only");
        assertThat(items.history(code)).hasSize(5);
    }

    @Test
    void contentBreakingRulesIsRefusedWithEveryViolationAndNothingIsStored() {
        ItemContent bad = with(newItem(SCJG), "name", "", "chargeable", true, "basicCode", "abc");
        long before = count("catalog_item");
        assertThatThrownBy(() -> items.create(bad)).isInstanceOfSatisfying(RuleViolations.class, e -> {
            assertThat(e.error()).isEqualTo(CatalogError.CATALOG_ITEM_INVALID);
            assertThat(e.violations()).extracting(RuleViolations.Violation::error).containsExactlyInAnyOrder(
                    CatalogError.CATALOG_NAME_REQUIRED, CatalogError.CATALOG_FEE_REQUIRED,
                    CatalogError.CATALOG_BASIC_CODE_INVALID);
        });
        assertThat(count("catalog_item")).isEqualTo(before);

        ManagedItem item = items.create(newItem(SCJG));
        assertRefusedUnchanged(item.code(), CatalogError.CATALOG_ITEM_INVALID,
                () -> items.update(item.code(), 1, with(item.content(), "onSiteVisits", 2)));
        assertRefusedUnchanged(item.code(), CatalogError.CATALOG_ITEM_INVALID,
                () -> items.update(item.code(), 1, newItem(SCJG)));
        items.update(item.code(), 1, with(item.content(), "materials", List.of(), "situations", List.of()));
        assertRefusedUnchanged(item.code(), CatalogError.CATALOG_ITEM_INVALID, () -> items.publish(item.code()));
    }

    @Test
    void anotherDepartmentsItemIsInvisibleAndUntouchable() {
        String code = createdAndPublished();
        logIn(WSJK);
        assertThatThrownBy(() -> items.get(code)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.error()).isEqualTo(CatalogError.CATALOG_ITEM_NOT_FOUND));
        assertThatThrownBy(() -> items.history(code)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.error()).isEqualTo(CatalogError.CATALOG_ITEM_NOT_FOUND));
        assertThat(items.listForCurrentStaff(null, 0).items()).extracting(ManagedItem::code).doesNotContain(code);
        assertRefusedUnchanged(code, CatalogError.CATALOG_NOT_YOUR_DEPARTMENT, () -> items.suspend(code, "越权"));
        assertRefusedUnchanged(code, CatalogError.CATALOG_NOT_YOUR_DEPARTMENT, () -> items.cancel(code, "越权"));
        assertThatThrownBy(() -> items.create(newItem(SCJG))).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.error()).isEqualTo(CatalogError.CATALOG_NOT_YOUR_DEPARTMENT));
        logIn(SCJG);
        assertThat(items.listForCurrentStaff(ItemStatus.PUBLISHED, 0).items()).extracting(ManagedItem::code)
                .contains(code);
    }

    @Test
    void aCodeIsCreatedOnce() {
        ItemContent content = newItem(SCJG);
        items.create(content);
        assertThatThrownBy(() -> items.create(content)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.error()).isEqualTo(CatalogError.CATALOG_ITEM_EXISTS));
    }

    @Test
    void uploadsAcceptOnlyRealPdfDocxAndXlsx() {
        String pdf = items.uploadFile("申请书.pdf", TestFiles.pdf());
        String docx = items.uploadFile("样表.docx", TestFiles.docx());
        assertThat(files.find(pdf)).hasValueSatisfying(f -> {
            assertThat(f.mediaType()).isEqualTo("application/pdf");
            assertThat(f.name()).isEqualTo("申请书.pdf");
            assertThat(f.size()).isEqualTo(TestFiles.pdf().length);
            assertThat(f.sha256()).hasSize(64);
            assertThat(f.uploadedBy()).isEqualTo("admin-" + SCJG);
        });
        assertThat(files.find(docx).orElseThrow().mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(files.find(items.uploadFile("表.pdf", TestFiles.xlsx())).orElseThrow().name()).isEqualTo("表.xlsx");

        long before = count("catalog_file");
        assertUploadRefused("图片.pdf", TestFiles.png(), CatalogError.CATALOG_FILE_TYPE_UNSUPPORTED);
        assertUploadRefused("程序.docx", TestFiles.exe(), CatalogError.CATALOG_FILE_TYPE_UNSUPPORTED);
        assertUploadRefused("压缩包.xlsx", TestFiles.plainZip(), CatalogError.CATALOG_FILE_TYPE_UNSUPPORTED);
        assertUploadRefused("空.pdf", new byte[0], CatalogError.CATALOG_FILE_EMPTY);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.pdf(), 0, big, 0, 5);
        assertUploadRefused("大.pdf", big, CatalogError.CATALOG_FILE_TOO_LARGE);
        assertThat(count("catalog_file")).isEqualTo(before);

        ItemContent c = newItem(SCJG);
        var material = TestItems.withFiles(c.materials().get(0), pdf, docx);
        assertThat(items.create(with(c, "materials", List.of(material, c.materials().get(1)))).content()
                .materials().get(0).blankFormFileId()).isEqualTo(pdf);
        var dangling = TestItems.withFiles(c.materials().get(0), "0f8fad5b-d9cb-469f-a165-70867728950e", null);
        assertThatThrownBy(() -> items.create(with(newItem(SCJG), "materials", List.of(dangling))))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .extracting(RuleViolations.Violation::error)
                        .contains(CatalogError.CATALOG_MATERIAL_FILE_NOT_FOUND));
    }

    @Autowired
    CatalogFiles files;

    private void assertUploadRefused(String name, byte[] bytes, ErrorCode code) {
        assertThatThrownBy(() -> items.uploadFile(name, bytes)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }

    private String createdAndPublished() {
        String code = items.create(newItem(SCJG)).code();
        items.publish(code);
        return code;
    }

    private void assertRefusedUnchanged(String code, ErrorCode error, ThrowingCallable action) {
        var row = jdbc.sql("select status, latest_version, public_version, revision from catalog_item where code = ?")
                .param(code).query().singleRow();
        var content = jdbc.sql("select content::text from catalog_item_version where code = ? order by version")
                .param(code).query(String.class).list();
        long changes = jdbc.sql("select count(*) from catalog_item_change where code = ?").param(code)
                .query(Long.class).single();
        assertThatThrownBy(action).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.error()).isEqualTo(error));
        assertThat(jdbc.sql("select status, latest_version, public_version, revision from catalog_item where code = ?")
                .param(code).query().singleRow()).isEqualTo(row);
        assertThat(jdbc.sql("select content::text from catalog_item_version where code = ? order by version")
                .param(code).query(String.class).list()).isEqualTo(content);
        assertThat(jdbc.sql("select count(*) from catalog_item_change where code = ?").param(code)
                .query(Long.class).single()).isEqualTo(changes);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
