package org.yiwang.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an item's append-only change record (全过程留痕): who did what to which version, when, why, and which
 * fields of the content changed. Entries are numbered by {@code seq} from 1 and chained by SM3 hashes ({@code hash}
 * covers this entry and {@code prevHash}, the hash of the entry before), so that a changed or missing entry shows;
 * see {@link ItemAdministration#verifyHistory(String)}.
 */
public record ItemChange(
        long id,
        String code,
        int seq,
        int version,
        Action action,
        String actor,
        Instant at,
        @Nullable String reason,
        List<FieldChange> changes,
        String prevHash,
        String hash) {

    public enum Action {
        CREATED("创建"),
        SAVED("保存草稿"),
        NEW_VERSION("新建版本"),
        PUBLISHED("发布"),
        SUSPENDED("暂停"),
        RESUMED("恢复"),
        CANCELLED("取消");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A changed value at {@code path} (e.g. {@code materials[0].name}); values as JSON text, null when absent. */
    public record FieldChange(String path, @Nullable String before, @Nullable String after) {
    }
}
