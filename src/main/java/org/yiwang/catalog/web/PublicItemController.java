package org.yiwang.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.CatalogError;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.department.Departments;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "事项（公开）", description = "已发布事项的办事指南")
class PublicItemController {

    private final PublishedItems items;
    private final Departments departments;

    PublicItemController(PublishedItems items, Departments departments) {
        this.items = items;
        this.departments = departments;
    }

    @GetMapping("/{code}")
    @Operation(summary = "办事指南", description = "按实施编码返回事项当前发布版本的办事指南；未发布或不存在时返回 404")
    ItemGuide guide(@PathVariable String code) {
        PublishedItem item = items.find(code)
                .orElseThrow(() -> new BusinessException(CatalogError.CATALOG_ITEM_NOT_FOUND, code));
        String department = item.content().departmentCode();
        return ItemGuide.of(item, CreditCode.isValid(department)
                ? departments.find(CreditCode.of(department)).orElse(null) : null);
    }
}
