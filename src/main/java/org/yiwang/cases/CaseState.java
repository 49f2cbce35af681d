package org.yiwang.cases;

import java.util.EnumSet;
import java.util.Set;

/** States of a case (办件状态); see the package documentation for the transitions. */
public enum CaseState {
    DRAFT("草稿"),
    PRE_REVIEW("待预审"),
    SUBMITTED("待受理"),
    CORRECTION_REQUESTED("待补正"),
    UNDER_REVIEW("审查中"),
    DECIDING("待决定"),
    PAUSED("特别程序中"),
    DECIDED("待办结"),
    COMPLETED("已办结"),
    DELIVERED("已送达"),
    NOT_ACCEPTED("不予受理"),
    WITHDRAWN("已撤回"),
    /** 作废 (result 2): registered in error, ended before a decision. */
    VOIDED("已作废"),
    /** 删除 (result 3): never accepted (e.g. a duplicate); kept with its trail, nothing is physically deleted. */
    DELETED("已删除");

    /** Accepted and not yet decided: the promised time limit is running (unless stopped). */
    public static final Set<CaseState> CLOCK_RUNNING = EnumSet.of(UNDER_REVIEW, DECIDING, PAUSED,
            CORRECTION_REQUESTED, DECIDED);
    /** Submitted and not yet accepted: a 删除 (result 3) is still possible. */
    public static final Set<CaseState> NOT_YET_ACCEPTED = EnumSet.of(PRE_REVIEW, SUBMITTED, CORRECTION_REQUESTED);
    /** Accepted and not yet completed: the case may be forwarded to a higher authority (转报办结, result 4). */
    public static final Set<CaseState> FORWARDABLE = EnumSet.of(UNDER_REVIEW, DECIDING, PAUSED, CORRECTION_REQUESTED,
            DECIDED);
    /** Before a decision: the applicant may still withdraw (撤回). */
    public static final Set<CaseState> WITHDRAWABLE = EnumSet.of(PRE_REVIEW, SUBMITTED, CORRECTION_REQUESTED,
            UNDER_REVIEW, DECIDING, PAUSED);

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing more happens to the case (delivery aside). */
    public boolean closed() {
        return this == COMPLETED || this == DELIVERED || this == NOT_ACCEPTED || this == WITHDRAWN || this == VOIDED
                || this == DELETED;
    }
}
