package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.catalog.ItemStatus.CANCELLED;
import static org.yiwang.catalog.ItemStatus.DRAFT;
import static org.yiwang.catalog.ItemStatus.PUBLISHED;
import static org.yiwang.catalog.ItemStatus.SUSPENDED;
import static org.yiwang.catalog.Lifecycle.Action.CANCEL;
import static org.yiwang.catalog.Lifecycle.Action.EDIT;
import static org.yiwang.catalog.Lifecycle.Action.PUBLISH;
import static org.yiwang.catalog.Lifecycle.Action.RESUME;
import static org.yiwang.catalog.Lifecycle.Action.SUSPEND;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.BusinessException;

class LifecycleTest {

    @Test
    void allowedTransitions() {
        assertThat(Lifecycle.next(DRAFT, true, PUBLISH)).isEqualTo(PUBLISHED);
        assertThat(Lifecycle.next(PUBLISHED, true, PUBLISH)).isEqualTo(PUBLISHED);
        assertThat(Lifecycle.next(PUBLISHED, false, SUSPEND)).isEqualTo(SUSPENDED);
        assertThat(Lifecycle.next(SUSPENDED, false, RESUME)).isEqualTo(PUBLISHED);
        assertThat(Lifecycle.next(PUBLISHED, false, EDIT)).isEqualTo(PUBLISHED);
        assertThat(Lifecycle.next(SUSPENDED, true, EDIT)).isEqualTo(SUSPENDED);
        for (ItemStatus s : new ItemStatus[] {DRAFT, PUBLISHED, SUSPENDED}) {
            assertThat(Lifecycle.next(s, false, CANCEL)).isEqualTo(CANCELLED);
        }
    }

    @Test
    void refusedTransitionsCarryTheStateAndActionLabels() {
        assertRefused(DRAFT, true, SUSPEND, "草稿", "暂停");
        assertRefused(DRAFT, true, RESUME, "草稿", "恢复");
        assertRefused(PUBLISHED, false, PUBLISH, "已发布", "发布");
        assertRefused(PUBLISHED, false, RESUME, "已发布", "恢复");
        assertRefused(SUSPENDED, true, PUBLISH, "已暂停", "发布");
        assertRefused(SUSPENDED, false, SUSPEND, "已暂停", "暂停");
        for (Lifecycle.Action a : Lifecycle.Action.values()) {
            assertRefused(CANCELLED, true, a, "已取消", a.label);
        }
    }

    private static void assertRefused(ItemStatus status, boolean hasDraft, Lifecycle.Action action, Object... args) {
        assertThatThrownBy(() -> Lifecycle.next(status, hasDraft, action))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.error()).isEqualTo(CatalogError.CATALOG_TRANSITION_NOT_ALLOWED);
                    assertThat(e.args()).containsExactly(args);
                });
    }
}
