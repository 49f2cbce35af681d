package org.yiwang.catalog;

/** 网上办理深度: how far the item can be handled online, from consultation only to an electronic licence as result. */
public enum OnlineDepth {
    CONSULTATION(1, "网上咨询"),
    ONLINE_MATERIALS(2, "网上收件"),
    ONLINE_PRE_REVIEW(3, "网上预审"),
    ONLINE_ACCEPTANCE(4, "网上受理"),
    ONLINE_HANDLING(5, "网上办理"),
    ONLINE_RESULT(6, "网上反馈结果"),
    ELECTRONIC_LICENCE(7, "电子证照结果");

    private final int level;
    private final String label;

    OnlineDepth(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public int level() {
        return level;
    }

    public String label() {
        return label;
    }
}
