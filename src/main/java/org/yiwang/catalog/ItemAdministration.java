package org.yiwang.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.department.Departments;
import org.yiwang.identity.Staff;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;
import org.yiwang.shared.RuleViolations.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managing service items (事项管理) for the admin console and API: every method acts as the current staff member
 * ({@link org.yiwang.identity.CurrentStaff}), who may only manage items of their own department. Refusals are
 * {@link BusinessException}s with a {@link CatalogError}; content that breaks rules raises {@link RuleViolations}
 * listing every broken rule. Nothing changes when a method throws.
 */
@Service
public class ItemAdministration {

    public static final int PAGE_SIZE = 20;

    private final ItemStore store;
    private final ItemRules rules;
    private final CatalogFiles files;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ItemAdministration(ItemStore store, Departments departments, CatalogFiles files, JsonMapper json,
            ApplicationEventPublisher events) {
        this.store = store;
        this.rules = new ItemRules(code -> departments.find(code).isPresent(), files::exists);
        this.files = files;
        this.json = json;
        this.events = events;
    }

    /** Creates the item as version 1, a draft. */
    @Transactional
    public ManagedItem create(ItemContent content) {
        return create(content, Actor.current());
    }

    /** Saves the draft: replaces the pending draft, or starts a new draft version of a published item. */
    @Transactional
    public ManagedItem update(String code, int expectedRevision, ItemContent content) {
        return update(code, expectedRevision, content, Actor.current());
    }

    /** Makes the pending draft the public version. */
    @Transactional
    public ManagedItem publish(String code) {
        return publish(code, Actor.current());
    }

    @Transactional
    public ManagedItem suspend(String code, String reason) {
        return transition(code, Lifecycle.Action.SUSPEND, requireReason(reason), Actor.current());
    }

    @Transactional
    public ManagedItem resume(String code) {
        return transition(code, Lifecycle.Action.RESUME, null, Actor.current());
    }

    @Transactional
    public ManagedItem cancel(String code, String reason) {
        return transition(code, Lifecycle.Action.CANCEL, requireReason(reason), Actor.current());
    }

    /** Items the current staff member manages, optionally of one status; {@code page} counts from 0. */
    @Transactional(readOnly = true)
    public ItemPage listForCurrentStaff(@Nullable ItemStatus status, int page) {
        Staff staff = Actor.current().staff();
        String department = staff == null || staff.has(org.yiwang.identity.StaffRole.PLATFORM_ADMIN) ? null
                : staff.departmentCode().value();
        int p = Math.max(page, 0);
        return new ItemPage(store.list(department, status, (long) p * PAGE_SIZE, PAGE_SIZE), p, PAGE_SIZE,
                store.count(department, status));
    }

    /** The item with its latest content; another department's item is reported as not found. */
    @Transactional(readOnly = true)
    public ManagedItem get(String code) {
        ItemStore.ItemRow row = readable(code);
        return ItemStore.managed(row, store.content(code, row.latestVersion()));
    }

    /** The change record, oldest first. */
    @Transactional(readOnly = true)
    public List<ItemChange> history(String code) {
        readable(code);
        return store.history(code);
    }

    /**
     * Checks the item's change record against its SM3 hash chain: intact, or the first entry that was changed, removed
     * or added outside the platform. Same access as {@link #history(String)}.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChangeRecordVerification verifyHistory(String code) {
        return ChangeChain.verify(code, readable(code).revision(), store.chain(code));
    }

    /** Checks the change record of every item, whoever the current user is (for supervision); returns broken ones. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ChangeRecordVerification> verifyAllHistories() {
        return store.codes().stream()
                .map(code -> ChangeChain.verify(code, store.find(code).orElseThrow().revision(), store.chain(code)))
                .filter(v -> !v.intact()).toList();
    }

    /** Stores a blank form or sample; returns its file id for {@link Material#blankFormFileId()}. */
    @Transactional
    public String uploadFile(String name, byte[] bytes) {
        return files.store(name, bytes, Actor.current().name()).id();
    }

    boolean exists(String code) {
        return store.exists(code);
    }

    ManagedItem create(ItemContent content, Actor actor) {
        check(content, false, new ArrayList<>());
        String code = content.implementationCode();
        if (!actor.mayManage(content.departmentCode())) {
            throw new BusinessException(CatalogError.CATALOG_NOT_YOUR_DEPARTMENT, code);
        }
        if (store.exists(code)) {
            throw new BusinessException(CatalogError.CATALOG_ITEM_EXISTS, code);
        }
        Instant now = clock.instant();
        var row = new ItemStore.ItemRow(code, content.departmentCode(), ItemStatus.DRAFT, 1, null, 1, now, actor.name());
        store.insert(row, content, now);
        store.record(code, 1, ItemChange.Action.CREATED, actor.name(), now, null,
                ContentDiff.between(json, null, content));
        return ItemStore.managed(row, content);
    }

    ManagedItem update(String code, int expectedRevision, ItemContent content, Actor actor) {
        ItemStore.ItemRow row = actionable(code, actor);
        Lifecycle.next(row.status(), row.hasDraft(), Lifecycle.Action.EDIT);
        if (row.revision() != expectedRevision) {
            throw new BusinessException(CatalogError.CATALOG_REVISION_CONFLICT, code, expectedRevision, row.revision());
        }
        List<Violation> violations = new ArrayList<>();
        if (!code.equals(content.implementationCode())) {
            violations.add(Violation.of(CatalogError.CATALOG_IMPLEMENTATION_CODE_CHANGED, "implementationCode",
                    content.implementationCode(), code));
        }
        check(content, false, violations);
        Instant now = clock.instant();
        ItemContent previous = store.content(code, row.latestVersion());
        int version = row.latestVersion();
        ItemChange.Action action;
        if (row.hasDraft()) {
            store.replaceContent(code, version, content);
            action = ItemChange.Action.SAVED;
        } else {
            version++;
            store.insertVersion(code, version, content, actor.name(), now);
            action = ItemChange.Action.NEW_VERSION;
        }
        var next = new ItemStore.ItemRow(code, row.departmentCode(), row.status(), version, row.publicVersion(),
                row.revision() + 1, now, actor.name());
        store.update(next, actor.name(), now);
        store.record(code, version, action, actor.name(), now, null, ContentDiff.between(json, previous, content));
        return ItemStore.managed(next, content);
    }

    ManagedItem publish(String code, Actor actor) {
        ItemStore.ItemRow row = actionable(code, actor);
        ItemStatus status = Lifecycle.next(row.status(), row.hasDraft(), Lifecycle.Action.PUBLISH);
        ItemContent content = store.content(code, row.latestVersion());
        check(content, true, new ArrayList<>());
        Instant now = clock.instant();
        ItemContent previous = row.publicVersion() == null ? null : store.content(code, row.publicVersion());
        var next = new ItemStore.ItemRow(code, row.departmentCode(), status, row.latestVersion(), row.latestVersion(),
                row.revision() + 1, now, actor.name());
        store.markPublished(code, row.latestVersion(), actor.name(), now);
        store.update(next, actor.name(), now);
        store.record(code, row.latestVersion(), ItemChange.Action.PUBLISHED, actor.name(), now, null,
                previous == null ? List.of() : ContentDiff.between(json, previous, content));
        events.publishEvent(new ItemPublished(code, row.latestVersion()));
        return ItemStore.managed(next, content);
    }

    private ManagedItem transition(String code, Lifecycle.Action action, @Nullable String reason, Actor actor) {
        ItemStore.ItemRow row = actionable(code, actor);
        ItemStatus status = Lifecycle.next(row.status(), row.hasDraft(), action);
        Instant now = clock.instant();
        var next = new ItemStore.ItemRow(code, row.departmentCode(), status, row.latestVersion(), row.publicVersion(),
                row.revision() + 1, now, actor.name());
        store.update(next, actor.name(), now);
        ItemChange.Action recorded = switch (action) {
            case SUSPEND -> ItemChange.Action.SUSPENDED;
            case RESUME -> ItemChange.Action.RESUMED;
            default -> ItemChange.Action.CANCELLED;
        };
        int version = row.publicVersion() == null ? row.latestVersion() : row.publicVersion();
        store.record(code, version, recorded, actor.name(), now, reason, List.of());
        if (row.status().isPublic() && !status.isPublic()) {
            events.publishEvent(new ItemWithdrawn(code));
        } else if (!row.status().isPublic() && status.isPublic() && row.publicVersion() != null) {
            events.publishEvent(new ItemPublished(code, row.publicVersion()));
        }
        return ItemStore.managed(next, store.content(code, row.latestVersion()));
    }

    private void check(ItemContent content, boolean publishing, List<Violation> violations) {
        violations.addAll(rules.check(content, publishing));
        if (!violations.isEmpty()) {
            throw new RuleViolations(CatalogError.CATALOG_ITEM_INVALID, violations);
        }
    }

    private ItemStore.ItemRow readable(String code) {
        Actor actor = Actor.current();
        return store.find(code).filter(row -> actor.mayManage(row.departmentCode()))
                .orElseThrow(() -> new BusinessException(CatalogError.CATALOG_ITEM_NOT_FOUND, code));
    }

    private ItemStore.ItemRow actionable(String code, Actor actor) {
        ItemStore.ItemRow row = store.lock(code)
                .orElseThrow(() -> new BusinessException(CatalogError.CATALOG_ITEM_NOT_FOUND, code));
        if (!actor.mayManage(row.departmentCode())) {
            throw new BusinessException(CatalogError.CATALOG_NOT_YOUR_DEPARTMENT, code);
        }
        return row;
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(CatalogError.CATALOG_REASON_REQUIRED);
        }
        return reason.strip();
    }
}
