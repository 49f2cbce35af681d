package org.yiwang.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Result of checking an item's change record against its SM3 hash chain (留痕校验). {@code head} is the hash of the
 * last entry when the record is intact; otherwise {@code firstBreak} names the first entry that fails and why.
 */
public record ChangeRecordVerification(String code, boolean intact, int entries, @Nullable String head,
        @Nullable Break firstBreak) {

    static ChangeRecordVerification intact(String code, int entries, String head) {
        return new ChangeRecordVerification(code, true, entries, head, null);
    }

    static ChangeRecordVerification broken(String code, int entries, Break firstBreak) {
        return new ChangeRecordVerification(code, false, entries, null, firstBreak);
    }

    /**
     * Where the chain breaks: the entry (its id and seq), or for {@link Problem#COUNT_MISMATCH} no id and the seq the
     * next entry would have; {@code description} says in Chinese what the problem means.
     */
    public record Break(@Nullable Long entryId, int seq, Problem problem, String description) {

        Break(@Nullable Long entryId, int seq, Problem problem) {
            this(entryId, seq, problem, problem.label());
        }
    }

    public enum Problem {
        HASH_MISMATCH("记录内容与其哈希值不符，记录已被改动"),
        GAP("序号不连续，之前的记录已被删除"),
        BROKEN_LINK("前序哈希值与上一条记录不符，上一条记录已被改动或替换"),
        COUNT_MISMATCH("记录条数与事项的修订次数不符，末尾记录已被删除或另有记录被插入");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
