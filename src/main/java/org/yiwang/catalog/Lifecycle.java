package org.yiwang.catalog;

import org.yiwang.shared.BusinessException;

/**
 * Which action an item's state allows and where it leads: create → 草稿; publish turns the pending draft into the
 * public version; 已发布 → 暂停 → 恢复 → 已发布; anything but 已取消 may be cancelled; a cancelled item is final.
 */
final class Lifecycle {

    enum Action {
        EDIT("修改"), PUBLISH("发布"), SUSPEND("暂停"), RESUME("恢复"), CANCEL("取消");

        final String label;

        Action(String label) {
            this.label = label;
        }
    }

    private Lifecycle() {
    }

    /** The state after {@code action}, or a 409 refusal when the state does not allow it. */
    static ItemStatus next(ItemStatus status, boolean hasDraft, Action action) {
        ItemStatus next = switch (action) {
            case EDIT -> status == ItemStatus.CANCELLED ? null : status;
            case PUBLISH -> (status == ItemStatus.DRAFT || status == ItemStatus.PUBLISHED) && hasDraft
                    ? ItemStatus.PUBLISHED : null;
            case SUSPEND -> status == ItemStatus.PUBLISHED ? ItemStatus.SUSPENDED : null;
            case RESUME -> status == ItemStatus.SUSPENDED ? ItemStatus.PUBLISHED : null;
            case CANCEL -> status == ItemStatus.CANCELLED ? null : ItemStatus.CANCELLED;
        };
        if (next == null) {
            throw new BusinessException(CatalogError.CATALOG_TRANSITION_NOT_ALLOWED, status.label(), action.label);
        }
        return next;
    }
}
