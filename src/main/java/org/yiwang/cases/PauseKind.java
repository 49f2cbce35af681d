package org.yiwang.cases;

/** Why the clock stops in a special procedure (特别程序, 行政许可法 art. 45), or for a correction (补正). */
public enum PauseKind {
    HEARING("听证"),
    TESTING("检验检测"),
    EXPERT_REVIEW("专家评审"),
    OTHER("其他特别程序"),
    CORRECTION("补正");

    private final String label;

    PauseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
