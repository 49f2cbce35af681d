package org.yiwang.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.CatalogError;
import org.yiwang.catalog.ChangeRecordVerification;
import org.yiwang.catalog.ItemAdministration;
import org.yiwang.catalog.ItemChange;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.ItemPage;
import org.yiwang.catalog.ItemStatus;
import org.yiwang.catalog.ManagedItem;
import org.yiwang.shared.BusinessException;

/**
 * Managing items of the staff member's own department. The ETag of an item is its revision; an update presents it
 * in {@code If-Match} or as {@code revision} in the body.
 */
@RestController
@RequestMapping("/api/v1/admin/items")
@Tag(name = "事项管理", description = "事项的创建、修改、发布、暂停、恢复、取消与变更记录")
class AdminItemController {

    private final ItemAdministration items;

    AdminItemController(ItemAdministration items) {
        this.items = items;
    }

    record ItemUpdate(@Nullable Integer revision, ItemContent content) {
    }

    record Reason(@Nullable String reason) {
    }

    @GetMapping
    @Operation(summary = "本部门事项列表", description = "page 从 0 开始，每页 20 条")
    ItemPage list(@RequestParam(required = false) @Nullable ItemStatus status,
            @RequestParam(defaultValue = "0") int page) {
        return items.listForCurrentStaff(status, page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "事项详情（最新版本）")
    ResponseEntity<ManagedItem> get(@PathVariable String code) {
        return withEtag(ResponseEntity.ok(), items.get(code));
    }

    @PostMapping
    @Operation(summary = "新建事项", description = "以草稿（版本 1）创建")
    ResponseEntity<ManagedItem> create(@RequestBody ItemContent content) {
        ManagedItem item = items.create(content);
        return withEtag(ResponseEntity.created(URI.create("/api/v1/admin/items/" + item.code())), item);
    }

    @PutMapping("/{code}")
    @Operation(summary = "保存草稿", description = "已发布事项的修改生成新的草稿版本，发布前公开版本不变")
    ResponseEntity<ManagedItem> update(@PathVariable String code, @RequestBody ItemUpdate body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        Integer revision = ifMatch != null ? parseEtag(ifMatch) : body.revision();
        if (revision == null) {
            throw new BusinessException(CatalogError.CATALOG_REVISION_REQUIRED);
        }
        return withEtag(ResponseEntity.ok(), items.update(code, revision, body.content()));
    }

    @PostMapping("/{code}/publish")
    @Operation(summary = "发布")
    ResponseEntity<ManagedItem> publish(@PathVariable String code) {
        return withEtag(ResponseEntity.ok(), items.publish(code));
    }

    @PostMapping("/{code}/suspend")
    @Operation(summary = "暂停", description = "需填写原因")
    ResponseEntity<ManagedItem> suspend(@PathVariable String code, @RequestBody(required = false) @Nullable Reason body) {
        return withEtag(ResponseEntity.ok(), items.suspend(code, reason(body)));
    }

    @PostMapping("/{code}/resume")
    @Operation(summary = "恢复")
    ResponseEntity<ManagedItem> resume(@PathVariable String code) {
        return withEtag(ResponseEntity.ok(), items.resume(code));
    }

    @PostMapping("/{code}/cancel")
    @Operation(summary = "取消", description = "需填写原因；取消后不可恢复")
    ResponseEntity<ManagedItem> cancel(@PathVariable String code, @RequestBody(required = false) @Nullable Reason body) {
        return withEtag(ResponseEntity.ok(), items.cancel(code, reason(body)));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "变更记录", description = "每条记录带 SM3 链式哈希（hash 与前一条的 prevHash）")
    List<ItemChange> history(@PathVariable String code) {
        return items.history(code);
    }

    @GetMapping("/{code}/history/verification")
    @Operation(summary = "变更记录校验",
            description = "按 SM3 哈希链校验变更记录是否完整、未被篡改；不完整时给出第一条有问题的记录及原因")
    ChangeRecordVerification verifyHistory(@PathVariable String code) {
        return items.verifyHistory(code);
    }

    private static String reason(@Nullable Reason body) {
        return body == null || body.reason() == null ? "" : body.reason();
    }

    private static ResponseEntity<ManagedItem> withEtag(ResponseEntity.BodyBuilder response, ManagedItem item) {
        return response.eTag("\"" + item.revision() + "\"").body(item);
    }

    private static Integer parseEtag(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BusinessException(CatalogError.CATALOG_REVISION_REQUIRED);
        }
    }
}
