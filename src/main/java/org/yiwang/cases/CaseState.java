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
    WITHDRAWN("已撤回");

    /** Accepted and not yet decided: the promised time limit is running (unless stopped). */
    public static final Set<CaseState> CLOCK_RUNNING = EnumSet.of(UNDER_REVIEW, DECIDING, PAUSED,
            CORRECTION_REQUESTED, DECIDED);
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
        return this == COMPLETED || this == DELIVERED || this == NOT_ACCEPTED || this == WITHDRAWN;
    }
}
