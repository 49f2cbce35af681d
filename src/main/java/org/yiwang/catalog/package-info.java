/**
 * Service-item catalogue (事项管理): basic catalogue entries (基本目录) and implementation-list entries (实施清单)
 * with their materials (申请材料), situations (情形), application forms (申请表单), fees, time limits and guide texts
 * (办事指南); their life cycle (草稿 → 发布 → 暂停 → 取消) with versions and a change record; and search over published
 * items.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.catalog;
