package org.yiwang.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * 办结结果 (completion result) in the codes the national exchange uses: 0 办结 with a certificate or approval,
 * 1 不予许可 (refused), 2 作废 (voided), 3 删除 (deleted), 4 转报办结 (forwarded to a higher level), 5 退件 (withdrawn or
 * returned: the applicant gave up or never completed a correction), 6 不予受理 (not accepted). 1–5 need a reason.
 */
public enum ResultCode {
    COMPLETED(0, "办结（出证/准予）"),
    REFUSED(1, "不予许可"),
    VOIDED(2, "作废"),
    DELETED(3, "删除"),
    FORWARDED(4, "转报办结"),
    WITHDRAWN(5, "退件（撤回）"),
    NOT_ACCEPTED(6, "不予受理");

    private final int code;
    private final String label;

    ResultCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean needsReason() {
        return code >= 1 && code <= 5;
    }

    public static Optional<ResultCode> of(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
