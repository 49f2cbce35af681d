package org.yiwang.catalog.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.ItemStatus;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.department.Department;

/** The public service guide (办事指南) of an item's published version, with the labels a reader needs. */
record ItemGuide(
        String code,
        int version,
        ItemStatus status,
        String statusLabel,
        Instant publishedAt,
        @Nullable DepartmentContact department,
        String typeLabel,
        String statutoryLimitLabel,
        String promisedLimitLabel,
        ItemContent content) {

    record DepartmentContact(String creditCode, String name, String phone, String address, String officeHours) {
    }

    static ItemGuide of(PublishedItem item, @Nullable Department department) {
        ItemContent c = item.content();
        return new ItemGuide(item.code(), item.version(), ItemStatus.PUBLISHED, ItemStatus.PUBLISHED.label(),
                item.publishedAt(),
                department == null ? null : new DepartmentContact(department.creditCode().value(), department.name(),
                        department.phone(), department.address(), department.officeHours()),
                c.type().label(), c.statutoryLimit().label(), c.promisedLimit().label(), c);
    }
}
