package org.yiwang.cases;

/**
 * What can happen to a case, as recorded in its trail (留痕). {@link #stepAction()} is the GB/T 39046 step action:
 * pass (通过, the case moves on), return (退回, back to the applicant) or other.
 */
public enum CaseAction {
    SUBMIT("提交申报", "PASS"),
    REGISTER("窗口登记", "PASS"),
    PRE_REVIEW("预审通过", "PASS"),
    ACCEPT("受理", "PASS"),
    NOT_ACCEPT("不予受理", "RETURN"),
    REQUEST_CORRECTION("补正告知", "RETURN"),
    SUPPLEMENT("补正提交", "PASS"),
    REVIEW("审查", "PASS"),
    DECIDE("决定", "PASS"),
    REQUEST_EXTENSION("申请延期", "OTHER"),
    EXTEND("延期", "OTHER"),
    PAUSE("特别程序开始", "OTHER"),
    RESUME("特别程序结束", "OTHER"),
    COMPLETE("办结", "PASS"),
    DELIVER("送达", "PASS"),
    WITHDRAW("撤回", "RETURN"),
    CLAIM("认领", "OTHER"),
    RELEASE("释放", "OTHER"),
    REASSIGN("转交", "OTHER"),
    VOID("作废", "OTHER"),
    DELETE("删除", "OTHER"),
    FORWARD("转报办结", "PASS"),
    OVERDUE("超期", "OTHER");

    private final String label;
    private final String stepAction;

    CaseAction(String label, String stepAction) {
        this.label = label;
        this.stepAction = stepAction;
    }

    public String label() {
        return label;
    }

    public String stepAction() {
        return stepAction;
    }
}
